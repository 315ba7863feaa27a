// The authoring spreadsheet as .xlsx: written with libxlsxwriter (as the payroll export),
// read with minizip (the zip container) and expat (the sheet's XML). Only what a spreadsheet
// program writes for text cells is read; formulas and merged ranges are reported, not evaluated.
#include "trainer/authoring/sheet_files.hpp"

// [SECTION] Writing
// [SECTION] Zip entries and XML events
// [SECTION] Workbook, shared strings, sheet

#include <expat.h>
#include <minizip/unzip.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace trainer::authoring {

// [SECTION] Writing ---------------------------------------------------------------------------

void write_xlsx(const std::vector<std::vector<std::string>>& rows, const std::string& path) {
    const std::string tmp = path + ".partial";
    lxw_workbook* wb = workbook_new(tmp.c_str());
    if (!wb) throw AuthoringError(path + ": cannot write the workbook");
    lxw_worksheet* ws = workbook_add_worksheet(wb, "cards");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            if (!rows[r][c].empty()) // a string cell is text even when it starts with '='
                worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                       rows[r][c].c_str(), r == 0 ? bold : wrap);
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_set_column(ws, 0, 1, 24, nullptr);
    worksheet_set_column(ws, 2, 2, 8, nullptr);
    worksheet_set_column(ws, 3, 4, 20, nullptr);
    worksheet_set_column(ws, 5, static_cast<lxw_col_t>(card_columns().size() - 1), 40, nullptr);
    if (workbook_close(wb) != LXW_NO_ERROR) {
        std::remove(tmp.c_str());
        throw AuthoringError(path + ": cannot write the workbook");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw AuthoringError(path + ": " + ec.message());
}

// [SECTION] Zip entries and XML events --------------------------------------------------------

namespace {

constexpr unsigned long kMaxPartBytes = 64ul << 20; // a cards sheet is a few MB at most

struct Zip {
    unzFile handle = nullptr;
    std::string path;
    ~Zip() {
        if (handle) unzClose(handle);
    }
    // The entry's bytes, or nullopt when the workbook has no such part.
    std::optional<std::string> read(const std::string& name) {
        if (unzLocateFile(handle, name.c_str(), 1) != UNZ_OK) return std::nullopt;
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
            info.uncompressed_size > kMaxPartBytes)
            throw AuthoringError(path + ": part " + name + " is unreadable or too large");
        if (unzOpenCurrentFile(handle) != UNZ_OK)
            throw AuthoringError(path + ": cannot open part " + name);
        std::string out;
        char buf[65536];
        int n = 0;
        while ((n = unzReadCurrentFile(handle, buf, sizeof buf)) > 0) {
            out.append(buf, static_cast<std::size_t>(n));
            if (out.size() > kMaxPartBytes) break;
        }
        unzCloseCurrentFile(handle);
        if (n < 0 || out.size() > kMaxPartBytes)
            throw AuthoringError(path + ": part " + name + " is damaged");
        return out;
    }
};

using Attrs = std::map<std::string, std::string>;
struct XmlEvents {
    std::function<void(const std::string&, const Attrs&)> start;
    std::function<void(const std::string&)> end;
    std::function<void(std::string_view)> text;
};

// Element and attribute names without their namespace ("uri|c" → "c").
std::string local(const char* name) {
    std::string s(name);
    const auto bar = s.rfind('|');
    return bar == std::string::npos ? s : s.substr(bar + 1);
}

void parse_xml(const std::string& doc, XmlEvents& ev, const std::string& where) {
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> p(XML_ParserCreateNS("UTF-8", '|'),
                                                              XML_ParserFree);
    XML_SetUserData(p.get(), &ev);
    XML_SetElementHandler(
        p.get(),
        [](void* d, const XML_Char* name, const XML_Char** atts) {
            auto* e = static_cast<XmlEvents*>(d);
            if (!e->start) return;
            Attrs a;
            for (int i = 0; atts[i]; i += 2) a[local(atts[i])] = atts[i + 1];
            e->start(local(name), a);
        },
        [](void* d, const XML_Char* name) {
            auto* e = static_cast<XmlEvents*>(d);
            if (e->end) e->end(local(name));
        });
    XML_SetCharacterDataHandler(p.get(), [](void* d, const XML_Char* s, int len) {
        auto* e = static_cast<XmlEvents*>(d);
        if (e->text) e->text(std::string_view(s, static_cast<std::size_t>(len)));
    });
    if (XML_Parse(p.get(), doc.data(), static_cast<int>(doc.size()), 1) == XML_STATUS_ERROR)
        throw AuthoringError(where + ": line " + std::to_string(XML_GetCurrentLineNumber(p.get())) +
                             ": " + XML_ErrorString(XML_GetErrorCode(p.get())));
}

// [SECTION] Workbook, shared strings, sheet ---------------------------------------------------

std::vector<std::string> shared_strings(Zip& zip) {
    std::vector<std::string> out;
    auto doc = zip.read("xl/sharedStrings.xml");
    if (!doc) return out;
    int phonetic = 0; // <rPh> holds reading aids, not the cell's text
    bool in_t = false;
    XmlEvents ev;
    ev.start = [&](const std::string& n, const Attrs&) {
        if (n == "si") out.emplace_back();
        if (n == "rPh") ++phonetic;
        if (n == "t") in_t = true;
    };
    ev.end = [&](const std::string& n) {
        if (n == "rPh") --phonetic;
        if (n == "t") in_t = false;
    };
    ev.text = [&](std::string_view s) {
        if (in_t && phonetic == 0 && !out.empty()) out.back() += s;
    };
    parse_xml(*doc, ev, zip.path + ": xl/sharedStrings.xml");
    return out;
}

// The sheet named "cards", else the first one: its name and its part in the zip.
std::pair<std::string, std::string> pick_sheet(Zip& zip) {
    auto workbook = zip.read("xl/workbook.xml");
    if (!workbook) throw AuthoringError(zip.path + ": not an Excel workbook (no xl/workbook.xml)");
    std::vector<std::pair<std::string, std::string>> sheets; // name, relationship id
    XmlEvents ev;
    ev.start = [&](const std::string& n, const Attrs& a) {
        if (n == "sheet" && a.count("name")) sheets.emplace_back(a.at("name"), a.count("id") ? a.at("id") : "");
    };
    parse_xml(*workbook, ev, zip.path + ": xl/workbook.xml");
    if (sheets.empty()) throw AuthoringError(zip.path + ": the workbook has no sheet");
    auto chosen = sheets.front();
    for (const auto& s : sheets)
        if (s.first == "cards") chosen = s;
    std::string target = "worksheets/sheet1.xml";
    if (auto rels = zip.read("xl/_rels/workbook.xml.rels")) {
        XmlEvents rv;
        rv.start = [&](const std::string& n, const Attrs& a) {
            if (n == "Relationship" && a.count("Id") && a.at("Id") == chosen.second && a.count("Target"))
                target = a.at("Target");
        };
        parse_xml(*rels, rv, zip.path + ": xl/_rels/workbook.xml.rels");
    }
    const std::string part = target.rfind("/", 0) == 0 ? target.substr(1) : "xl/" + target;
    return {chosen.first, part};
}

// "BC12" → column 54 (0-based), row 12.
bool parse_ref(const std::string& ref, std::size_t& column, std::size_t& row) {
    std::size_t i = 0, c = 0, r = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') c = c * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
    if (i == 0 || i == ref.size()) return false;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9') return false;
        r = r * 10 + static_cast<std::size_t>(ref[i] - '0');
    }
    column = c - 1;
    row = r;
    return r > 0;
}

} // namespace

Grid read_xlsx_grid(const std::string& path) {
    Zip zip;
    zip.path = path;
    zip.handle = unzOpen64(path.c_str());
    if (!zip.handle) throw AuthoringError(path + ": not an .xlsx file (cannot open it as a zip archive)");
    const auto strings = shared_strings(zip);
    const auto [name, part] = pick_sheet(zip);
    auto doc = zip.read(part);
    if (!doc) throw AuthoringError(path + ": the workbook lists sheet '" + name + "' but has no " + part);

    Grid grid;
    grid.file = path;
    grid.sheet = name;
    GridRow* row = nullptr;
    Cell cell;
    std::size_t column = 0;
    std::string type, value, capture; // capture: "v", "t" (inline) or ""
    XmlEvents ev;
    ev.start = [&](const std::string& n, const Attrs& a) {
        if (n == "row") {
            std::size_t number = grid.rows.empty() ? 1 : grid.rows.back().number + 1;
            if (auto r = a.find("r"); r != a.end()) number = std::stoul(r->second);
            grid.rows.push_back({number, {}});
            row = &grid.rows.back();
            column = 0;
        } else if (n == "c" && row) {
            std::size_t c = column, r = 0;
            if (auto ref = a.find("r"); ref != a.end() && parse_ref(ref->second, c, r)) column = c;
            type = a.count("t") ? a.at("t") : "n";
            cell = {};
            value.clear();
        } else if (n == "f") {
            cell.formula = true;
        } else if (n == "v" || n == "t") {
            capture = n;
        } else if (n == "mergeCell" && a.count("ref")) {
            grid.merged_ranges.push_back(a.at("ref"));
        }
    };
    ev.end = [&](const std::string& n) {
        if (n == "v" || n == "t") capture.clear();
        if (n == "c" && row) {
            if (type == "s") {
                const auto i = value.empty() ? strings.size() : std::stoul(value);
                cell.text = i < strings.size() ? strings[i] : "";
            } else {
                cell.text = value;
            }
            if (row->cells.size() <= column) row->cells.resize(column + 1);
            row->cells[column] = std::move(cell);
            ++column;
        }
    };
    ev.text = [&](std::string_view s) {
        if (!capture.empty()) value += s;
    };
    parse_xml(*doc, ev, path + ": " + part);
    std::erase_if(grid.rows, [](const GridRow& r) { return r.cells.empty(); });
    return grid;
}

} // namespace trainer::authoring
