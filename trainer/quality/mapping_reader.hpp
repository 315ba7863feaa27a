#pragma once
// Reads a QA tool's mapping file (docs/quality-import.md) for the scores and surveys imports: the
// keys every mapping has and typed reads of the rest, every problem with file:line:column. Its
// own header because it holds the parsed JSON document: the imports' other headers stay light.
#include "trainer/content/json_source.hpp"
#include "trainer/quality/import_common.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trainer::quality {

// Collects mapping problems with positions, then throws them all at once.
class MappingReader {
  public:
    explicit MappingReader(const std::filesystem::path& path);
    const nlohmann::json& root() const { return src_.value(); }
    // The mapping is an object with this top-level key.
    bool has(const std::string& key) const;
    void error(const std::string& pointer, const std::string& message);
    // Reads tool, columns (required `required`, optional `optional`), na_values, date_format.
    // `allowed_top` lists every top-level key of this kind of mapping.
    MappingBase base(const std::vector<std::string>& required, const std::vector<std::string>& optional,
                     const std::vector<std::string>& allowed_top);
    std::optional<double> number(const std::string& key);
    std::optional<std::string> string(const std::string& key);
    std::vector<std::string> strings(const std::string& key);
    // Throws MappingError when any problem was found.
    void finish() const;

  private:
    content::JsonSource src_;
    std::vector<std::string> problems_;
};

} // namespace trainer::quality
