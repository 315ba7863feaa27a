#include "trainer/xapi/lrs_settings.hpp"

#include <cstdlib>
#include <fstream>

namespace trainer::xapi {

std::string normalise_endpoint(const std::string& url) {
    const auto scheme_end = url.find("://");
    const std::string scheme = scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
    if (scheme != "http" && scheme != "https")
        throw LrsSettingsError("--lrs '" + url + "': expected an http:// or https:// URL of the LRS's xAPI endpoint");
    const std::string rest = url.substr(scheme_end + 3);
    const std::string authority = rest.substr(0, rest.find('/'));
    if (authority.find('@') != std::string::npos)
        throw LrsSettingsError("--lrs: the URL holds credentials (user:password@); they would show in the process "
                               "list and the audit log. Put them in --auth-file FILE or TRAINER_LRS_KEY / "
                               "TRAINER_LRS_SECRET instead");
    if (authority.empty()) throw LrsSettingsError("--lrs '" + url + "': the URL names no host");
    if (url.find_first_of("?#") != std::string::npos)
        throw LrsSettingsError("--lrs '" + url + "': give the endpoint without a query or fragment");
    std::string out = url;
    while (out.size() > scheme.size() + 3 && out.back() == '/') out.pop_back();
    const std::string tail = "/statements";
    if (out.size() > tail.size() && out.compare(out.size() - tail.size(), tail.size(), tail) == 0)
        out.erase(out.size() - tail.size());
    return out;
}

LrsCredentials read_credentials(const std::filesystem::path* auth_file, std::vector<std::string>& warnings) {
    namespace fs = std::filesystem;
    LrsCredentials c;
    if (auth_file) {
        std::error_code ec;
        const auto st = fs::status(*auth_file, ec);
        if (ec || !fs::is_regular_file(st))
            throw LrsSettingsError(auth_file->string() + ": no such file (the LRS credentials, one line key:secret)");
        if ((st.permissions() & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none)
            warnings.push_back(auth_file->string() + " can be read by other users; chmod 600 it");
        std::ifstream in(*auth_file);
        std::string line;
        std::getline(in, line);
        while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ')) line.pop_back();
        const auto colon = line.find(':');
        if (!in && line.empty()) throw LrsSettingsError(auth_file->string() + ": cannot be read");
        if (colon == std::string::npos || colon == 0)
            throw LrsSettingsError(auth_file->string() + ":1: expected key:secret (the LRS client's key, a colon, its secret)");
        c.key = line.substr(0, colon);
        c.secret = line.substr(colon + 1);
        return c;
    }
    const char* key = std::getenv("TRAINER_LRS_KEY");
    const char* secret = std::getenv("TRAINER_LRS_SECRET");
    if (!key || !*key || !secret)
        throw LrsSettingsError("no LRS credentials: give --auth-file FILE (one line key:secret) or set "
                               "TRAINER_LRS_KEY and TRAINER_LRS_SECRET");
    c.key = key;
    c.secret = secret;
    return c;
}

} // namespace trainer::xapi
