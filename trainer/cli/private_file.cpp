#include "trainer/cli/private_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace trainer::cli {

int open_private_file(const std::filesystem::path& out, std::filesystem::path* tmp) {
    std::error_code ec;
    if (std::filesystem::is_directory(out, ec))
        throw std::runtime_error(out.string() + ": is a directory; name a file");
    *tmp = out.string() + ".partial";
    const int fd = ::open(tmp->c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error(out.string() + ": cannot write: " + std::strerror(errno));
    ::fchmod(fd, 0600); // also when a stale temporary file had wider rights
    return fd;
}

void write_private_file(const std::filesystem::path& out, const std::string& data, int fd,
                        const std::filesystem::path& tmp) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw std::runtime_error(out.string() + ": cannot write: " + why);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(tmp.c_str(), out.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw std::runtime_error(out.string() + ": cannot write: " + why);
    }
}

} // namespace trainer::cli
