#include "trainer/sync/events_file.hpp"

#include "trainer/store/migrations.hpp"
#include "trainer/store/schema_number.hpp"

#include "trainer/core/json_parse.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <limits>
#include <type_traits>
#include <utility>
#include <unistd.h>

namespace trainer::sync {

namespace {

nlohmann::json to_json(const WireEvent& e) {
    return {{"id", e.id},
            {"organisation", e.organisation_id},
            {"device", e.device_id},
            {"occurred_ms", e.occurred_ms},
            {"type", e.type},
            {"person", e.person_id},
            {"payload", nlohmann::json::parse(e.payload)},
            {"content_version", e.content_version},
            {"origin_seq", e.origin_seq}};
}

[[noreturn]] void refuse(ImportRefused::Reason why, const std::filesystem::path& p, std::size_t line,
                         const std::string& what) {
    throw ImportRefused(why, p.string() + ":" + std::to_string(line) + ": " + what);
}

template <class T> T field(const nlohmann::json& j, const char* key, const std::filesystem::path& p, std::size_t line) {
    auto it = j.find(key);
    if (it == j.end()) refuse(ImportRefused::Reason::Malformed, p, line, std::string("missing \"") + key + "\"");
    if constexpr (std::is_integral_v<T>) {
        // Whole numbers only, within T: a float or a value out of range would be converted with
        // undefined behaviour (or wrap) by get<T>().
        if (!it->is_number_integer())
            refuse(ImportRefused::Reason::Malformed, p, line,
                   std::string("\"") + key + "\" must be a whole number, got " + it->type_name());
        const bool fits = it->is_number_unsigned()
                              ? std::cmp_less_equal(it->template get<std::uint64_t>(), std::numeric_limits<T>::max())
                              : std::in_range<T>(it->template get<std::int64_t>());
        if (!fits)
            refuse(ImportRefused::Reason::Malformed, p, line,
                   std::string("\"") + key + "\" is out of range (" + it->dump() + ")");
    }
    try {
        return it->get<T>();
    } catch (const nlohmann::json::exception&) {
        refuse(ImportRefused::Reason::Malformed, p, line,
               std::string("\"") + key + "\" has the wrong type (" + it->type_name() + ")");
    }
}

// Organisation and device ids are printed in refusals and the audit log: the text policy for ids
// (SECURITY.md, "Text from outside"), so a file cannot plant a line or a terminal command there.
void check_id(const std::string& value, const char* key, const std::filesystem::path& p, std::size_t line) {
    if (auto why = text::problem(value, text::Kind::Id))
        refuse(ImportRefused::Reason::Malformed, p, line, std::string("\"") + key + "\": " + *why);
}

} // namespace

void write_events_file(const std::filesystem::path& out, const EventsFile& file) {
    std::error_code ec;
    if (std::filesystem::exists(out, ec))
        throw std::runtime_error(out.string() + ": already exists; choose a new file name");
    auto tmp = out;
    tmp += ".partial";
    std::filesystem::remove(tmp, ec);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error(tmp.string() + ": cannot create: " + std::strerror(errno));
    ::close(fd);
    {
        std::ofstream os(tmp, std::ios::binary | std::ios::trunc);
        os << nlohmann::json{{"format", kEventsFileFormat},
                             {"organisation", file.organisation_id},
                             {"device", file.device_id},
                             {"schema", file.schema},
                             {"count", file.events.size()}}
                  .dump()
           << "\n";
        for (const auto& e : file.events) os << to_json(e).dump() << "\n";
        os.flush();
        if (!os) {
            std::filesystem::remove(tmp, ec);
            throw std::runtime_error(out.string() + ": cannot write (disk full?)");
        }
    }
    std::filesystem::rename(tmp, out, ec);
    if (ec) throw std::runtime_error(out.string() + ": cannot move into place: " + ec.message());
}

EventsFile read_events_file(const std::filesystem::path& in, int latest_schema) {
    std::ifstream is(in, std::ios::binary);
    if (!is) throw ImportRefused(ImportRefused::Reason::Damaged, in.string() + ": cannot read: " + std::strerror(errno));
    EventsFile f;
    std::string text;
    std::size_t line = 0;
    std::size_t expected = 0;
    bool header = false;
    while (std::getline(is, text)) {
        ++line;
        if (text.empty()) refuse(ImportRefused::Reason::Malformed, in, line, "empty line");
        nlohmann::json j;
        if (const auto problem = parse_json(text, j)) {
            if (problem->kind == JsonProblem::Kind::Syntax)
                refuse(ImportRefused::Reason::Damaged, in, line, "not JSON: " + problem->what);
            refuse(ImportRefused::Reason::Malformed, in, line,
                   "a number is out of range (no event holds one that large): " + problem->what);
        }
        if (!j.is_object()) refuse(ImportRefused::Reason::Malformed, in, line, "expected a JSON object");
        if (!header) {
            const auto format = j.find("format");
            if (format == j.end() || !format->is_string() || format->get<std::string>() != kEventsFileFormat)
                refuse(ImportRefused::Reason::Malformed, in, line,
                       std::string("not an events file (expected \"format\": \"") + kEventsFileFormat + "\")");
            f.organisation_id = field<std::string>(j, "organisation", in, line);
            f.device_id = field<std::string>(j, "device", in, line);
            check_id(f.organisation_id, "organisation", in, line);
            check_id(f.device_id, "device", in, line);
            f.schema = field<int>(j, "schema", in, line);
            expected = field<std::size_t>(j, "count", in, line);
            // The writer's database schema: a number no version of the app writes (negative,
            // one the migrations skip) is a damaged or hand-made header (store/schema_number.hpp).
            if (f.schema <= latest_schema &&
                store::judge_schema_number(f.schema, store::migrations()) != store::SchemaNumber::Known)
                refuse(ImportRefused::Reason::Malformed, in, line,
                       "\"schema\" is " + std::to_string(f.schema) +
                           ", which no version of the app writes (expected the schema of the database "
                           "that exported the file, 1 to " + std::to_string(latest_schema) +
                           "); export the file again with `trainer events export`");
            if (f.schema > latest_schema)
                refuse(ImportRefused::Reason::NewerSchema, in, line,
                       "written by a newer version of the app (schema " + std::to_string(f.schema) +
                           "; this build knows up to " + std::to_string(latest_schema) + ")");
            header = true;
            continue;
        }
        WireEvent e;
        e.id = field<std::string>(j, "id", in, line);
        e.organisation_id = field<std::string>(j, "organisation", in, line);
        e.device_id = field<std::string>(j, "device", in, line);
        check_id(e.organisation_id, "organisation", in, line);
        check_id(e.device_id, "device", in, line);
        e.occurred_ms = field<TimeMs>(j, "occurred_ms", in, line);
        e.type = field<std::string>(j, "type", in, line);
        e.person_id = field<std::string>(j, "person", in, line);
        auto p = j.find("payload");
        if (p == j.end() || !p->is_object()) refuse(ImportRefused::Reason::Malformed, in, line, "\"payload\" must be an object");
        e.payload = p->dump();
        if (j.contains("content_version")) e.content_version = field<int>(j, "content_version", in, line);
        // Files written before migration 0014 carry no device order: the event id breaks the tie.
        if (j.contains("origin_seq")) e.origin_seq = field<std::int64_t>(j, "origin_seq", in, line);
        f.events.push_back(std::move(e));
    }
    if (!header) refuse(ImportRefused::Reason::Damaged, in, 1, "empty file: no header line");
    if (f.events.size() != expected)
        refuse(ImportRefused::Reason::Damaged, in, line,
               "the header promises " + std::to_string(expected) + " events, the file holds " +
                   std::to_string(f.events.size()) + " (cut short?)");
    return f;
}

} // namespace trainer::sync
