// The payroll export as an Excel workbook (libxlsxwriter): typed cells, so numbers are numbers
// and text is text whatever it starts with (a string cell is never a formula in .xlsx).
#include "trainer/quality/motivation_export.hpp"

#include <xlsxwriter.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace trainer::quality {

void motivation_xlsx(const MotivationReport& rep, const std::string& path,
                     const i18n::Catalog* catalog, std::string_view locale) {
    const std::string tmp = path + ".partial";
    lxw_workbook* wb = workbook_new(tmp.c_str());
    if (!wb) throw std::runtime_error(path + ": cannot write the workbook");
    lxw_worksheet* ws = workbook_add_worksheet(wb, rep.period.label.c_str());
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* two = workbook_add_format(wb);
    format_set_num_format(two, "0.00");
    const char* header[] = {"period", "person_id", "name", "teams", "evaluations", "quality_percent",
                            "training_percent", "mastery_percent", "csat_percent", "nps", "ces_mean",
                            "motivation_index", "eligible", "reasons"};
    for (lxw_col_t c = 0; c < 14; ++c)
        worksheet_write_string(ws, 0, c, header[c], bold);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    for (const auto& r : rep.rows) {
        std::string teams, reasons;
        for (const auto& t : r.teams)
            teams += (teams.empty() ? "" : " ") + t;
        for (const auto& x : r.reasons) {
            const std::string t = reason_text(x, catalog, locale);
            if (reasons.find(t) == std::string::npos) reasons += (reasons.empty() ? "" : "; ") + t;
        }
        auto number = [&](lxw_col_t c, const std::optional<double>& v) {
            if (v) worksheet_write_number(ws, row, c, *v, two);
        };
        worksheet_write_string(ws, row, 0, r.period.c_str(), nullptr);
        worksheet_write_string(ws, row, 1, r.person_id.c_str(), nullptr);
        worksheet_write_string(ws, row, 2, r.display_name.c_str(), nullptr);
        worksheet_write_string(ws, row, 3, teams.c_str(), nullptr);
        worksheet_write_number(ws, row, 4, r.evaluations, nullptr);
        number(5, r.quality);
        number(6, r.training);
        number(7, r.mastery);
        number(8, r.csat_percent);
        number(9, r.nps);
        number(10, r.ces_mean);
        number(11, r.index);
        worksheet_write_boolean(ws, row, 12, r.eligible ? 1 : 0, nullptr);
        worksheet_write_string(ws, row, 13, reasons.c_str(), nullptr);
        ++row;
    }
    worksheet_set_column(ws, 2, 3, 24, nullptr);
    worksheet_set_column(ws, 13, 13, 60, nullptr);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
        std::remove(tmp.c_str());
        throw std::runtime_error(path + ": cannot write the workbook (" + lxw_strerror(err) + ")");
    }
    ::chmod(tmp.c_str(), 0600); // personal data: readable by the owner only
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw std::runtime_error(path + ": cannot write: " + ec.message());
    }
}

} // namespace trainer::quality
