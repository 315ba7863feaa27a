#include "trainer/authoring/po_import.hpp"

#include "trainer/content/diagnostics.hpp"
#include "trainer/content/model.hpp"

#include <algorithm>

namespace trainer::authoring {

namespace {

std::size_t nplurals(std::string_view plural_forms) {
    const auto at = plural_forms.find("nplurals=");
    if (at == std::string_view::npos) return 0;
    std::size_t n = 0, i = at + 9;
    while (i < plural_forms.size() && plural_forms[i] >= '0' && plural_forms[i] <= '9')
        n = n * 10 + static_cast<std::size_t>(plural_forms[i++] - '0');
    return n;
}

} // namespace

std::string PoImport::place(const std::string& file, const std::string& card_id,
                            const std::string& column) const {
    const auto space = column.find(' ');
    const std::string key = card_id + "|" + (space == std::string::npos ? column : column.substr(space + 1));
    if (auto it = line_of.find(key); it != line_of.end())
        return file + ":" + std::to_string(it->second) + " (" + key + ")";
    return file + " (card '" + card_id + "')";
}

PoImport read_po_translation(const std::string& file, std::string_view text, const DeckFiles& current) {
    PoImport out;
    const auto error = [&](std::size_t line, std::string message) {
        out.findings.push_back({true, file + ":" + std::to_string(line), std::move(message)});
    };
    const PoFile po = parse_po(file, text, out.findings);
    if (!out.ok()) return out;

    // The header written at export says whose file this is and for which language.
    const std::string project = po.header_field("Project-Id-Version");
    if (po.header_line == 0 || project != kPoProject) {
        error(po.header_line ? po.header_line : 1,
              "not a translation of these cards: Project-Id-Version is " +
                  (project.empty() ? std::string("missing") : "'" + project + "'") + ", expected '" +
                  std::string(kPoProject) + "' (make one with `trainer content export --format po`)");
        return out;
    }
    out.lang = po.header_field("Language");
    if (out.lang == content::kFallbackLocale || !content::is_supported_locale(out.lang)) {
        error(po.header_line, "Language is '" + out.lang + "'; expected pl or ru");
        return out;
    }
    if (const std::string type = po.header_field("Content-Type");
        !type.empty() && type.find("charset=UTF-8") == std::string::npos &&
        type.find("charset=utf-8") == std::string::npos)
        error(po.header_line, "Content-Type is '" + type + "'; save the file as UTF-8");
    const std::size_t forms = nplurals(po.header_field("Plural-Forms"));
    if (forms != 0 && forms != 3)
        error(po.header_line, "Plural-Forms says nplurals=" + std::to_string(forms) + "; " +
                                  content::locale_name(out.lang) + " has 3 plural forms");

    out.rows = current.rows();
    std::map<std::string, std::size_t> seen;
    for (const auto& e : po.entries) {
        const std::string ctxt = e.msgctxt.value_or("");
        if (e.msgid_plural && e.msgstr_plural.size() != 3) {
            error(e.line, "entry '" + ctxt + "' has " + std::to_string(e.msgstr_plural.size()) +
                              " plural forms; " + content::locale_name(out.lang) + " has 3");
            continue;
        }
        const auto bar = ctxt.find('|');
        const std::string id = ctxt.substr(0, bar);
        const std::string field = bar == std::string::npos ? "" : ctxt.substr(bar + 1);
        auto row = std::find_if(out.rows.begin(), out.rows.end(), [&](const CardRow& r) { return r.id() == id; });
        const bool known_field =
            std::find(std::begin(kTextFields), std::end(kTextFields), field) != std::end(kTextFields);
        if (!e.msgctxt || row == out.rows.end() || !known_field || e.msgid_plural) {
            error(e.line, "entry " + (e.msgctxt ? "'" + ctxt + "'" : std::string("without msgctxt")) +
                              " is not a card text of this content (expected msgctxt \"card-id|field\")");
            continue;
        }
        if (auto [it, fresh] = seen.emplace(ctxt, e.line); !fresh) {
            error(e.line, "entry '" + ctxt + "' appears twice (first on line " + std::to_string(it->second) + ")");
            continue;
        }
        out.line_of[ctxt] = e.line;
        if (e.msgid != row->at(text_column("en", field))) {
            error(e.line, "entry '" + ctxt + "': the English source changed since the export; "
                          "export again and merge the translation (msgmerge, or your tool's update)");
            continue;
        }
        if (e.fuzzy) {
            out.findings.push_back({false, file + ":" + std::to_string(e.line),
                                    "entry '" + ctxt + "' is fuzzy: not applied until a translator confirms it"});
            continue;
        }
        if (trim(e.msgstr).empty()) continue; // untranslated: the current text stays
        std::string& cell = row->at(text_column(out.lang, field));
        if (cell != e.msgstr) {
            cell = e.msgstr;
            ++out.applied;
        }
    }
    return out;
}

} // namespace trainer::authoring
