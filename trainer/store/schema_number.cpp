// Judging a schema number against the migration list (schema_number.hpp).
#include "trainer/store/schema_number.hpp"

#include "trainer/store/migrations.hpp"

namespace trainer::store {

namespace {

constexpr std::int64_t kFirstImpossible = 10000; // migration files are numbered 0001..9999

std::int64_t last_of(const std::vector<Migration>& list) {
    return list.empty() ? 0 : list.back().version;
}

// "1–10, 13, 14, 18–21": the numbers of the list, runs joined.
std::string known_numbers(const std::vector<Migration>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size();) {
        std::size_t j = i;
        while (j + 1 < list.size() && list[j + 1].version == list[j].version + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(list[i].version);
        if (j > i) out += (j == i + 1 ? ", " : "–") + std::to_string(list[j].version);
        i = j + 1;
    }
    return out.empty() ? "none" : out;
}

} // namespace

SchemaNumber judge_schema_number(std::int64_t version, const std::vector<Migration>& list) {
    if (version == 0) return SchemaNumber::Known;
    for (const auto& m : list)
        if (m.version == version) return SchemaNumber::Known;
    if (version > last_of(list) && version < kFirstImpossible) return SchemaNumber::Newer;
    return SchemaNumber::NotASchema;
}

std::string schema_number_refusal(const std::string& file, std::int64_t version,
                                  const std::vector<Migration>& list) {
    const std::string v = std::to_string(version);
    if (judge_schema_number(version, list) == SchemaNumber::Newer)
        return file + ": created by a newer version of the app (schema " + v + "; this build knows up to " +
               std::to_string(last_of(list)) + "). Update the app; the file was not changed.";
    return file + ": its schema number (PRAGMA user_version) is " + v +
           ", which no version of the app writes (this build's schemas are " +
           known_numbers(list) + "; a newer app's are higher, below " +
           std::to_string(kFirstImpossible) +
           "), so it was set by hand or by another program. The file was not changed. Restore the "
           "latest backup of this database, or set the number back to the schema it really has "
           "(`sqlite3 " + file + " 'PRAGMA user_version = N'`) and run the command again.";
}

} // namespace trainer::store
