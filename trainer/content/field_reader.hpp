#pragma once
// The one typed reader of content JSON (content/README.md): every read reports a problem with its
// JSON pointer, what was expected and what was found, at file:line:column. Used by every content
// loader (decks, onboarding, change, quality scorecards, local rules) so one kind of mistake reads
// the same in every file. Pulls in nlohmann/json: include it from .cpp files only.
#include "trainer/content/json_source.hpp"
#include "trainer/content/model.hpp"

#include <climits>
#include <initializer_list>
#include <span>
#include <optional>
#include <string>
#include <vector>

namespace trainer::content {

class FieldReader {
  public:
    FieldReader(const JsonSource& source, std::vector<Diagnostic>& out)
        : source_(source), out_(out) {}

    void error(const std::string& pointer, std::string message, Anchor anchor = Anchor::Value);
    void warning(const std::string& pointer, std::string message);

    // An object whose keys are all in `allowed`; each unknown key is an error at the key.
    bool object(const nlohmann::json& v, const std::string& pointer,
                std::span<const char* const> allowed);
    bool object(const nlohmann::json& v, const std::string& pointer,
                std::initializer_list<const char*> allowed) {
        return object(v, pointer, std::span<const char* const>(allowed.begin(), allowed.size()));
    }
    // The member `key`, or nullptr with "missing required key".
    const nlohmann::json* required(const nlohmann::json& obj, const std::string& pointer,
                                   const char* key);
    // An array (possibly with size limits), or nullptr with an error.
    const nlohmann::json* array(const nlohmann::json& v, const std::string& pointer,
                                const std::string& of_what, std::size_t min_size,
                                std::size_t max_size = static_cast<std::size_t>(-1));

    std::optional<std::string> text(const nlohmann::json& v, const std::string& pointer);
    std::optional<std::string> id(const nlohmann::json& v, const std::string& pointer);
    std::optional<int> integer(const nlohmann::json& v, const std::string& pointer, int minimum,
                               int maximum = INT_MAX);
    std::optional<double> fraction(const nlohmann::json& v, const std::string& pointer);
    std::optional<bool> boolean(const nlohmann::json& v, const std::string& pointer);

    // The keys of a per-locale object: unknown locales are errors, missing English an error,
    // missing Polish/Russian a warning (English is shown instead). False if it is no object.
    bool locales(const nlohmann::json& v, const std::string& pointer, const std::string& what);
    // Text per locale: English required (error), pl/ru missing = warning. A locale missing here
    // clears it from `complete`.
    LocalText local_text(const nlohmann::json& v, const std::string& pointer,
                         const std::string& what, std::vector<std::string>& complete);
    // The same, for callers that only need to know whether all three locales were given.
    LocalText local_text(const nlohmann::json& v, const std::string& pointer,
                         const std::string& what, bool& complete);
    // A required localised member `key`.
    LocalText local_member(const nlohmann::json& obj, const std::string& pointer, const char* key,
                           const std::string& what, std::vector<std::string>& complete);

    // An array of ids, each with its pointer (duplicates inside the list are errors).
    std::vector<std::pair<std::string, std::string>> id_list(const nlohmann::json& v,
                                                             const std::string& pointer,
                                                             const std::string& of_what);

    // "a string \"x\"" for strings, otherwise what describe_found says: for messages that
    // quote what the file holds.
    static std::string found(const nlohmann::json& v);

    const JsonSource& source() const { return source_; }

  private:
    const JsonSource& source_;
    std::vector<Diagnostic>& out_;
};

} // namespace trainer::content
