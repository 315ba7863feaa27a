// trainer db fix-mode | db check — the file-level care of a database (SECURITY.md "File modes").
#include "trainer/cli/cli.hpp"
#include "trainer/identity/pin_key.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace trainer::cli {
namespace {

// Sets mode 0600 on the database and the files that travel with it (WAL, shared memory, the PIN
// key): they hold personal data and PIN hashes, which only the owning account may read.
int cmd_fix_mode(const Args& a, Io& io) {
    const auto path = db_path(a);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw std::runtime_error(path.string() + ": no database here (run `trainer init` to create one)");
    if (!S_ISREG(st.st_mode)) throw std::runtime_error(path.string() + ": not a regular file");
    int fixed = 0;
    for (const std::filesystem::path& f :
         {path, std::filesystem::path(path.string() + "-wal"), std::filesystem::path(path.string() + "-shm"),
          identity::pin_key_path(path)}) {
        if (::stat(f.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        if ((st.st_mode & 07777) == 0600) continue;
        if (::chmod(f.c_str(), 0600) != 0)
            throw std::runtime_error(f.string() + ": cannot change the mode: " + std::strerror(errno) +
                                     " (run as the file's owner)");
        io.out << f.string() << ": mode set to 0600\n";
        ++fixed;
    }
    if (fixed == 0) io.out << path.string() << ": already private (0600)\n";
    return 0;
}

int cmd_check(const Args& a, Io& io) {
    auto db = open_db(a);
    if (auto problem = db.quick_check()) {
        io.err << *problem << "\n";
        return 1;
    }
    io.out << db.path().string() << ": ok (quick check passed)\n";
    return 0;
}

int cmd_rotate_key(const Args& a, Io& io) {
    const auto file = identity::pin_key_path(db_path(a));
    auto db = open_db(a); // refuses a missing or foreign database before the key is touched
    const std::string id = identity::rotate_pin_key(file);
    io.out << file.string() << ": new PIN key " << id
           << " in front; older keys stay for PINs set before (each is re-hashed with the new key at "
              "its owner's next sign-in). Copy this file to every device of the organisation.\n";
    return 0;
}

const Registration kRotate{{"pin rotate-key", "trainer pin rotate-key [--db PATH]",
                            "start a new PIN key (older keys kept until every PIN has moved over)",
                            {}, cmd_rotate_key, 0}};
const Registration kFixMode{{"db fix-mode", "trainer db fix-mode [--db PATH]",
                             "make the database, its WAL and the PIN key private to their owner (0600)",
                             {}, cmd_fix_mode, 0}};
const Registration kCheck{{"db check", "trainer db check [--db PATH]",
                           "run SQLite's quick check on the database; exit 1 naming the damage",
                           {}, cmd_check, 0}};

} // namespace
} // namespace trainer::cli
