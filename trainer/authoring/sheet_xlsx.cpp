// The authoring spreadsheet as .xlsx: written with libxlsxwriter (as the payroll export),
// read with minizip (the zip container) and expat (the sheet's XML). Only what a spreadsheet
// program writes for text cells is read; formulas and merged ranges are reported, not evaluated.
#include "trainer/authoring/sheet_files.hpp"
#include "trainer/core/text_policy.hpp"

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
#include <string_view>

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
        // The CRC is checked only when the whole part was read: a part whose bytes do not match
        // their checksum is damaged, not a workbook to import.
        const int closed = unzCloseCurrentFile(handle);
        if (n < 0 || out.size() > kMaxPartBytes || closed != UNZ_OK)
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

// A sheet's bounds as Excel has them (XFD1048576): a reference beyond them is a damaged file, and
// a cell far to the right must not make every row of the grid that wide.
constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kMaxRows = 1048576;
constexpr std::size_t kMaxCells = 1'000'000; // a cards sheet has a few thousand

// A value from the file as a message quotes it: escaped, and cut after 40 bytes.
std::string shown(const std::string& value) {
    return text::escape_for_display(std::string_view(value).substr(0, 40)) + (value.size() > 40 ? "…" : "");
}

// A whole number from 0 to `max` (digits only), or nullopt.
std::optional<std::size_t> whole_number(std::string_view s, std::size_t max) {
    if (s.empty()) return std::nullopt;
    std::size_t n = 0;
    for (const char ch : s) {
        if (ch < '0' || ch > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(ch - '0'); // n <= max before, so no overflow
        if (n > max) return std::nullopt;
    }
    return n;
}

// "BC12" → column 54 (0-based), row 12; false beyond the sheet's bounds.
bool parse_ref(const std::string& ref, std::size_t& column, std::size_t& row) {
    std::size_t i = 0, c = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
        c = c * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
        if (c > kMaxColumns) return false;
    }
    if (i == 0) return false;
    const auto r = whole_number(std::string_view(ref).substr(i), kMaxRows);
    if (!r || *r == 0) return false;
    column = c - 1;
    row = *r;
    return true;
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
    // The first thing in the sheet that no spreadsheet program writes. Kept, not thrown, so that no
    // exception unwinds through expat; reported once the parse is over.
    std::string problem;
    std::size_t cells = 0;
    XmlEvents ev;
    ev.start = [&](const std::string& n, const Attrs& a) {
        if (!problem.empty()) return;
        if (n == "row") {
            std::size_t number = grid.rows.empty() ? 1 : grid.rows.back().number + 1;
            if (auto r = a.find("r"); r != a.end()) {
                const auto given = whole_number(r->second, kMaxRows);
                if (!given || *given == 0) {
                    problem = "row number '" + shown(r->second) + "' is not a row of a sheet (1 to 1048576)";
                    return;
                }
                number = *given;
            }
            grid.rows.push_back({number, {}});
            row = &grid.rows.back();
            column = 0;
        } else if (n == "c" && row) {
            std::size_t c = column, r = 0;
            if (auto ref = a.find("r"); ref != a.end()) {
                if (!parse_ref(ref->second, c, r)) {
                    problem = "cell reference '" + shown(ref->second) + "' is not a cell of a sheet (A1 to XFD1048576)";
                    return;
                }
                column = c;
            }
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
        if (!problem.empty()) return;
        if (n == "v" || n == "t") capture.clear();
        if (n == "c" && row) {
            if (column >= kMaxColumns) {
                problem = "row " + std::to_string(row->number) + " has more than 16384 cells";
                return;
            }
            if (type == "s") {
                const auto i = whole_number(value, strings.size());
                if (!value.empty() && (!i || *i >= strings.size())) {
                    problem = "row " + std::to_string(row->number) + ": shared string '" + shown(value) +
                              "' does not exist (the workbook has " + std::to_string(strings.size()) + ")";
                    return;
                }
                cell.text = i && *i < strings.size() ? strings[*i] : "";
            } else {
                cell.text = value;
            }
            if (row->cells.size() <= column) {
                cells += column + 1 - row->cells.size();
                if (cells > kMaxCells) {
                    problem = "more than a million cells; a cards sheet has a few thousand";
                    return;
                }
                row->cells.resize(column + 1);
            }
            row->cells[column] = std::move(cell);
            ++column;
        }
    };
    ev.text = [&](std::string_view s) {
        if (!capture.empty()) value += s;
    };
    parse_xml(*doc, ev, path + ": " + part);
    if (!problem.empty()) throw AuthoringError(path + ": " + part + ": " + problem + "; the workbook is damaged");
    std::erase_if(grid.rows, [](const GridRow& r) { return r.cells.empty(); });
    return grid;
}

} // namespace trainer::authoring
