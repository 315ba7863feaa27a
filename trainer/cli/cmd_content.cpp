// trainer content validate [DIR] [--json]
#include "trainer/cli/cli.hpp"
#include "trainer/content/loader.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace trainer::cli {
namespace {

int cmd_content_validate(const Args& a, Io& io) {
    const std::filesystem::path dir =
        a.positional.empty() ? content_dir(a) : std::filesystem::path(a.positional[0]);
    const content::LoadResult result = content::load_content(dir);

    if (a.flag("json")) { // for scripts: one JSON document on stdout, nothing else
        nlohmann::json out = content::summarize(result);
        out["diagnostics"] = nlohmann::json::array();
        for (const auto& d : result.diagnostics)
            out["diagnostics"].push_back(content::to_json(d));
        io.out << out.dump(2) << "\n";
        return result.ok() ? 0 : 1;
    }

    for (const auto& d : result.diagnostics)
        io.err << d.to_string() << "\n";
    const auto count = [&](const char* kind) {
        auto it = result.counts.find(kind);
        return it == result.counts.end() ? 0 : it->second;
    };
    io.out << (result.ok() ? "content OK: " : "content REFUSED: ") << dir.string() << ": "
           << count("decks") << " decks, " << count("cards") << " cards";
    if (auto cards = result.complete_text.find("cards"); cards != result.complete_text.end()) {
        io.out << " (complete text:";
        for (const auto& [locale, n] : cards->second)
            io.out << " " << locale << " " << n << "/" << count("cards");
        io.out << ")";
    }
    io.out << "; errors: " << result.error_count() << ", warnings: " << result.warning_count()
           << "\n";
    return result.ok() ? 0 : 1;
}

const Registration kContentValidate{
    {"content validate",
     "trainer content validate [DIR] [--json]",
     "check every content file (default: --content DIR); exit 1 when any error is found",
     {{"json", false}},
     cmd_content_validate,
     1}};

} // namespace
} // namespace trainer::cli
