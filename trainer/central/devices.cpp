#include "trainer/central/devices.hpp"

#include "trainer/central/schema.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <fstream>
#include <regex>
#include <stdexcept>
#include <sys/stat.h>

namespace trainer::central {

Scope parse_scope(const std::string& text) {
    if (text == "all") return {"all", {}};
    const auto colon = text.find(':');
    if (colon == std::string::npos)
        throw std::invalid_argument("scope '" + text + "': expected person:ID, team:ID[,ID...], site:ID or all");
    Scope s{text.substr(0, colon), {}};
    if (s.kind != "person" && s.kind != "team" && s.kind != "site")
        throw std::invalid_argument("scope '" + text + "': unknown kind '" + s.kind + "'");
    std::string rest = text.substr(colon + 1);
    std::size_t start = 0;
    while (start <= rest.size()) {
        const auto comma = rest.find(',', start);
        std::string id = rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (id.empty() || id.size() > 64) throw std::invalid_argument("scope '" + text + "': an empty or too long id");
        s.ids.push_back(id);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (s.kind != "team" && s.ids.size() != 1)
        throw std::invalid_argument("scope '" + text + "': " + s.kind + " takes exactly one id");
    return s;
}

std::string to_string(const Scope& s) {
    std::string out = s.kind;
    for (std::size_t i = 0; i < s.ids.size(); ++i) out += (i ? "," : ":") + s.ids[i];
    return out;
}

namespace {

std::string generate_password() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to start");
    static constexpr char kAlphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string p;
    for (int i = 0; i < 32; ++i) p += kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
    return p;
}

std::string device_group(PgConnection& c) {
    return c.exec("SELECT value FROM central.settings WHERE key = 'device_group'").text(0, 0);
}

std::string text_array(const std::vector<std::string>& ids) {
    std::string a = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        a += i ? ",\"" : "\"";
        for (char ch : ids[i]) {
            if (ch == '"' || ch == '\\') a += '\\';
            a += ch;
        }
        a += '"';
    }
    return a + "}";
}

} // namespace

DeviceCredential enrol_device(PgConnection& admin, const std::string& name, const Scope& scope) {
    if (!std::regex_match(name, std::regex("[a-z0-9][a-z0-9-]{0,39}")))
        throw std::invalid_argument("device name '" + name + "': use 1-40 lowercase letters, digits and '-'");
    if (check_central_version(admin) == 0)
        throw CentralError(ErrorKind::refused, "", "the central store has no schema yet: run `trainer central init` first");
    DeviceCredential c;
    c.organisation_id = central_organisation(admin);
    c.device = name;
    const std::string group = device_group(admin);
    c.user = admin.dbname() + "_dev_" + name;
    if (c.user.size() > 63) throw std::invalid_argument("device name '" + name + "' is too long for this centre");
    c.password = generate_password();
    PgTransaction tx(admin);
    if (admin.exec("SELECT 1 FROM central.devices WHERE name = $1", {name}).rows())
        throw CentralError(ErrorKind::refused, "", "a device named '" + name + "' is already enrolled");
    // CREATE ROLE takes no parameters: the name is quoted as an identifier and the password as a
    // literal; SCRAM hashing happens on the server (password_encryption).
    admin.exec_script("CREATE ROLE " + quote_ident(admin, c.user) + " LOGIN PASSWORD " +
                      quote_literal(admin, c.password) + " IN ROLE " + quote_ident(admin, group));
    admin.exec("INSERT INTO central.devices (name, role_name, scope_kind, scope_ids) VALUES ($1, $2, $3, $4)",
               {name, c.user, scope.kind, text_array(scope.ids)});
    tx.commit();
    return c;
}

bool revoke_device(PgConnection& admin, const std::string& name) {
    PgTransaction tx(admin);
    auto r = admin.exec("UPDATE central.devices SET revoked_at = coalesce(revoked_at, now()) WHERE name = $1 "
                        "RETURNING role_name",
                        {name});
    if (!r.rows()) return false;
    const std::string role = r.text(0, 0);
    admin.exec_script("ALTER ROLE " + quote_ident(admin, role) + " NOLOGIN");
    tx.commit();
    admin.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", {role});
    return true;
}

void write_credential(const std::filesystem::path& path, const DeviceCredential& c) {
    nlohmann::json j = {{"organisation_id", c.organisation_id}, {"device", c.device}, {"user", c.user},
                        {"password", c.password}};
    if (!c.url.empty()) j["url"] = c.url;
    const auto tmp = path.string() + ".tmp";
    {
        const mode_t old = ::umask(077);
        std::ofstream out(tmp, std::ios::trunc);
        ::umask(old);
        if (!out) throw std::runtime_error(path.string() + ": cannot write");
        out << j.dump(2) << "\n";
        if (!out.flush()) throw std::runtime_error(path.string() + ": cannot write");
    }
    ::chmod(tmp.c_str(), 0600);
    std::filesystem::rename(tmp, path);
}

DeviceCredential read_credential(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot read the device file");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path.string() + ": not a device file (" + e.what() + ")");
    }
    DeviceCredential c;
    auto field = [&](const char* key, bool required) {
        if (!j.is_object() || !j.contains(key)) {
            if (required) throw std::runtime_error(path.string() + ": the device file has no \"" + key + "\"");
            return std::string();
        }
        if (!j[key].is_string()) throw std::runtime_error(path.string() + ": \"" + key + "\" must be a string");
        return j[key].get<std::string>();
    };
    c.organisation_id = field("organisation_id", true);
    c.device = field("device", true);
    c.user = field("user", true);
    c.password = field("password", true);
    c.url = field("url", false);
    return c;
}

PgConnection connect_device(const DeviceCredential& c, int connect_timeout_s) {
    if (c.url.empty()) throw CentralError(ErrorKind::other, "", "this desk has not joined a central store");
    auto conn = PgConnection::open({{"dbname", c.url}, {"user", c.user}, {"password", c.password},
                                    {"connect_timeout", std::to_string(connect_timeout_s)},
                                    {"application_name", "trainer " + c.device}});
    check_central_version(conn);
    const std::string org = central_organisation(conn);
    if (org != c.organisation_id)
        throw CentralError(ErrorKind::refused, "",
                           "the central store belongs to organisation '" + org + "', this desk to '" +
                               c.organisation_id + "'");
    if (conn.exec("SELECT central.my_device() IS NULL").text(0, 0) == "t")
        throw CentralError(ErrorKind::revoked, "", "this desk's access to the central store was revoked");
    return conn;
}

void publish_roster(PgConnection& admin, const std::vector<std::pair<std::string, std::string>>& memberships,
                    const std::vector<std::pair<std::string, std::string>>& team_sites) {
    PgTransaction tx(admin);
    admin.exec("DELETE FROM central.memberships");
    for (const auto& [person, team] : memberships)
        admin.exec("INSERT INTO central.memberships VALUES ($1, $2) ON CONFLICT DO NOTHING", {person, team});
    for (const auto& [team, site] : team_sites)
        admin.exec("INSERT INTO central.team_sites VALUES ($1, $2) ON CONFLICT (team_id) DO UPDATE SET site_id = $2",
                   {team, site});
    tx.commit();
}

} // namespace trainer::central

namespace trainer::central {
std::filesystem::path credential_path(const std::filesystem::path& db) { return db.string() + ".central"; }
} // namespace trainer::central
