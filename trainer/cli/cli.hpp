#pragma once
// The trainer CLI: each command group lives in its own cmd_*.cpp and registers itself with a
// namespace-scope `const Registration`. main.cpp only dispatches.
#include "trainer/store/database.hpp"

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::cli {

// A mistake in how the command was called: printed with the usage line, exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values; // --name VALUE
    std::vector<std::string> flags;            // --name (no value)

    bool flag(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    // The positional argument at i; UsageError naming `what` when it is missing.
    const std::string& arg(std::size_t i, const std::string& what) const;
};

struct OptionSpec {
    std::string name; // without the dashes: "lang"
    bool takes_value = false;
};

struct Command {
    std::string name;    // one or two words: "init", "fsrs replay"
    std::string usage;   // "trainer fsrs replay [FILE]"
    std::string summary; // one line for `trainer help`
    std::vector<OptionSpec> options;
    int (*run)(const Args&, Io&) = nullptr;
    std::size_t max_positional = 0;
};

struct Registration {
    explicit Registration(Command c);
};

const std::vector<Command>& commands();

// Runs a command line (without the program name); returns the process exit code.
int run(const std::vector<std::string>& argv, Io& io);

// Shared by commands: --db / --content with the documented defaults.
std::filesystem::path db_path(const Args& a);
std::filesystem::path content_dir(const Args& a);
// Opens the database (creating it only when asked); errors become messages, not crashes.
store::Database open_db(const Args& a, bool create_if_missing = false);

} // namespace trainer::cli
