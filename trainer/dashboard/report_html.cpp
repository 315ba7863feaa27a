// The HTML rollout report: one self-contained file (inline CSS, inline SVG, no scripts, no links)
// that a lead can e-mail or print on A4. Localised numbers and dates (i18n/format.hpp), the period
// stated, team averages, every figure labelled without hover, QA and motivation sections; print
// styles keep each heading with its figure. The figures are drawn in report_charts.cpp.
#include "trainer/content/onboarding_model.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/dashboard/report.hpp"
#include "trainer/dashboard/report_charts.hpp"
#include "trainer/i18n/format.hpp"

#include <algorithm>
#include <cmath>

namespace trainer::dashboard {

namespace {

using report_svg::escape;

struct Texts {
    const char *title, *team, *period, *as_of, *agent, *onboarding, *mastery, *due, *phase, *qa, *motivation,
        *averages, *mastery_fig, *heatmap_fig, *heatmap_note, *phases_fig, *phases_note, *maturity_fig, *qa_fig,
        *qa_note, *motivation_fig, *eligible, *yes, *no, *evaluations_col, *no_qa, *signoffs, *no_signoffs,
        *requested, *cards_note;
    report_svg::ChartTexts chart;
};

Texts texts(std::string_view locale) {
    if (locale == "pl")
        return {"Raport z wdrożenia", "Zespół", "Okres", "Stan na", "Konsultant", "Wdrożenie", "Opanowanie",
                "Powtórki do zrobienia", "Faza zmiany", "Ocena QA", "Wskaźnik motywacyjny", "Średnio w zespole",
                "Opanowanie standardów według osób", "Mapa opanowania: osoby × standardy",
                "Kolumny to standardy w kolejności etapów obsługi; pionowe linie oddzielają etapy.",
                "Faza zmiany w kolejnych tygodniach",
                "Faza każdej osoby na koniec tygodnia (niedziela, 24:00 czasu organizacji).",
                "Samoocena dojrzałości obsługi", "Ocena QA zespołu w kolejnych miesiącach",
                "Średnia z ocen osób w danym okresie; linia przerywana to próg zaliczenia: {mark}.", "Motywacja",
                "Spełnia warunki", "tak", "nie", "Ocen QA", "Brak danych o jakości w tym okresie.",
                "Zatwierdzenia umiejętności czekające na lidera", "Nikt nie czeka na zatwierdzenie.", "prośba z",
                "standardów w zakresie",
                {"Brak danych", "nierozpoczęte", "w nauce", "opanowane", "bez check-inu",
                 {"ocena", "oceny", "ocen"}, {}, {"alarm", "do poprawy", "zadowalająca"}}};
    if (locale == "ru")
        return {"Отчёт о внедрении", "Команда", "Период", "По состоянию на", "Сотрудник", "Адаптация", "Освоение",
                "К повторению", "Фаза изменений", "Оценка QA", "Мотивационный индекс", "В среднем по команде",
                "Освоение стандартов по сотрудникам", "Карта освоения: сотрудники × стандарты",
                "Столбцы — стандарты по этапам обслуживания; вертикальные линии разделяют этапы.",
                "Фаза изменений по неделям",
                "Фаза каждого сотрудника на конец недели (воскресенье, 24:00 по времени организации).",
                "Самооценка зрелости сервиса", "Оценка QA команды по месяцам",
                "Среднее из оценок сотрудников за период; пунктир — проходной балл: {mark}.", "Мотивация",
                "Условия выполнены", "да", "нет", "Оценок QA", "Данных о качестве за этот период нет.",
                "Навыки, ожидающие подтверждения руководителя", "Подтверждения никто не ждёт.", "запрос от",
                "стандартов в охвате",
                {"Данных пока нет", "не начато", "в изучении", "освоено", "ещё не отмечался",
                 {"оценка", "оценки", "оценок"}, {}, {"тревога", "есть над чем работать", "удовлетворительно"}}};
    return {"Rollout report", "Team", "Period", "As of", "Agent", "Onboarding", "Mastery", "Reviews due",
            "Phase of change", "QA score", "Motivation index", "Team average", "Mastery of the standards per agent",
            "Mastery map: agents × standards",
            "Columns are the standards in the order of the customer journey; vertical lines separate its stages.",
            "Phase of change per week", "Each person's phase at the end of the week (Sunday 24:00, organisation time).",
            "Service maturity self-check", "The team's QA score by month",
            "The mean of the members' scores in each period; dashed line: the pass mark, {mark}.", "Motivation", "Eligible", "yes", "no",
            "QA evaluations", "No quality data in this period.", "Skills sign-offs waiting for a lead",
            "Nobody is waiting for a sign-off.", "requested on", "standards in scope",
            {"No data yet", "not started", "learning", "mastered", "no check-in yet", {"evaluation", "evaluations", "evaluations"},
             {}, {"alarm", "work to do", "satisfactory"}}};
}

std::string pct(const std::optional<double>& v, std::string_view locale) { return i18n::format_percent(v, 1, locale); }

const char* kCss =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#222;font-size:13px;line-height:1.4}"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 4px;break-after:avoid;page-break-after:avoid}"
    ".meta{color:#444;margin:0 0 14px}.note{color:#555;font-size:12px;margin:0 0 6px}"
    "section{break-inside:avoid;page-break-inside:avoid}"
    "table{border-collapse:collapse;width:100%;margin:6px 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
    "th{background:#f2f2f2;font-weight:600}td:first-child,th:first-child{text-align:left}"
    "tfoot td{font-weight:600;background:#f8f8f8}tr{break-inside:avoid;page-break-inside:avoid}"
    "thead{display:table-header-group}svg{font-family:'DejaVu Sans',Arial,sans-serif;font-size:12px}svg text{fill:#222}"
    ".legend{list-style:none;padding:0;margin:4px 0 0;display:flex;flex-wrap:wrap;gap:4px 18px}"
    ".legend li{display:flex;align-items:center;gap:6px}"
    ".swatch{display:inline-block;width:12px;height:12px;border:1px solid #999;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "@page{size:A4;margin:14mm 12mm}"
    "@media print{body{margin:0;font-size:11px}h1{font-size:18px}.page-break{break-before:page;page-break-before:always}}";

struct Doc {
    std::string s;
    const Texts& t;
    std::string_view locale;

    void open_section(const char* heading, const char* note = nullptr) {
        s += "<section>\n<h2>" + escape(heading) + "</h2>\n";
        if (note) s += "<p class=\"note\">" + escape(note) + "</p>\n";
    }
    void close_section() { s += "</section>\n"; }
};

std::string phase_name(const content::ContentSet& content, Phase p, std::string_view locale) {
    return content.change ? content::pick(content.change->phase(p).name, locale) : content::phase_id(p);
}

void team_table(Doc& d, const RolloutReport& r, const content::ContentSet& content) {
    const auto& o = r.overview;
    const auto& t = d.t;
    const std::string qa_head = std::string(t.qa) +
                                (o.qa_period.empty() ? "" : " (" + i18n::format_period_label(o.qa_period, d.locale) + ")");
    d.s += "<table>\n<thead><tr><th>" + escape(t.agent) + "</th><th>" + escape(t.onboarding) + "</th><th>" +
           escape(t.mastery) + "</th><th>" + escape(t.due) + "</th><th>" + escape(t.phase) + "</th><th>" + escape(qa_head) +
           "</th><th>" + escape(t.motivation) + "</th></tr></thead>\n<tbody>\n";
    double qa_sum = 0, index_sum = 0;
    int qa_n = 0, index_n = 0;
    for (const auto& row : o.rows) {
        d.s += "<tr><td>" + escape(row.display_name) + "</td><td>" + pct(row.onboarding_percent, d.locale) + "</td><td>" +
               pct(row.mastery_percent, d.locale) + "</td><td>" + std::to_string(row.due_backlog) + "</td><td>" +
               (row.phase ? escape(phase_name(content, *row.phase, d.locale)) : escape(t.chart.no_phase)) + "</td><td>" +
               pct(row.qa_score, d.locale) + "</td><td>" +
               (row.motivation_index ? i18n::format_number(*row.motivation_index, 1, d.locale) : i18n::kNoValue) +
               "</td></tr>\n";
        if (row.qa_score) qa_sum += *row.qa_score, ++qa_n;
        if (row.motivation_index) index_sum += *row.motivation_index, ++index_n;
    }
    // Team averages: the team's QA score is the mean of the members' period scores (docs/figures.md).
    const auto mean = [](double sum, int n) { return n ? std::optional<double>(sum / n) : std::nullopt; };
    d.s += "</tbody>\n<tfoot><tr><td>" + escape(t.averages) + "</td><td>" + pct(o.mean_onboarding_percent, d.locale) +
           "</td><td>" + pct(o.mean_mastery_percent, d.locale) + "</td><td>" +
           (o.rows.empty() ? std::string(i18n::kNoValue)
                           : i18n::format_number(static_cast<double>(o.total_due_backlog) / static_cast<double>(o.rows.size()), 1, d.locale)) +
           "</td><td></td><td>" + pct(mean(qa_sum, qa_n), d.locale) + "</td><td>" +
           (index_n ? i18n::format_number(index_sum / index_n, 1, d.locale) : i18n::kNoValue) + "</td></tr></tfoot>\n</table>\n";
}

void quality_sections(Doc& d, const QualitySection& q) {
    const auto& t = d.t;
    // The pass mark as the motivation config sets it (docs/motivation.md `qa_pass_mark`), as the
    // kiosk's dashboard colours by it: "85%", "87,5 %".
    std::string note = t.qa_note;
    const auto mark_at = note.find("{mark}");
    const double mark = q.qa_pass_mark;
    if (mark_at != std::string::npos)
        note.replace(mark_at, 6, i18n::format_percent(mark, mark == std::floor(mark) ? 0 : 1, d.locale));
    d.open_section(t.qa_fig, q.available ? note.c_str() : nullptr);
    if (!q.available) {
        d.s += "<p>" + escape(t.no_qa) + "</p>\n";
        d.close_section();
        return;
    }
    d.s += report_svg::qa_bars(q.qa_trend, q.qa_pass_mark, d.locale, t.chart);
    d.close_section();
    d.open_section((std::string(t.motivation_fig) + " — " + i18n::format_period_label(q.period, d.locale)).c_str());
    d.s += "<table>\n<thead><tr><th>" + escape(t.agent) + "</th><th>" + escape(t.qa) + "</th><th>" +
           escape(t.evaluations_col) + "</th><th>" + escape(t.motivation) + "</th><th>" + escape(t.eligible) +
           "</th></tr></thead>\n<tbody>\n";
    for (const auto& m : q.motivation)
        d.s += "<tr><td>" + escape(m.display_name) + "</td><td>" + pct(m.quality, d.locale) + "</td><td>" +
               std::to_string(m.evaluations) + "</td><td>" + i18n::format_number(m.index, 1, d.locale) + "</td><td>" +
               escape(m.eligible ? t.yes : t.no) + "</td></tr>\n";
    d.s += "</tbody>\n<tfoot><tr><td>" + escape(t.averages) + "</td><td>" +
           pct(q.qa_trend.empty() ? std::nullopt : q.qa_trend.back().team_percent, d.locale) + "</td><td>" +
           std::to_string(q.qa_trend.empty() ? 0 : q.qa_trend.back().evaluations) + "</td><td>" +
           (q.mean_index ? i18n::format_number(*q.mean_index, 1, d.locale) : i18n::kNoValue) + "</td><td>" +
           std::to_string(q.eligible) + " / " + std::to_string(q.motivation.size()) + "</td></tr></tfoot>\n</table>\n";
    d.close_section();
}

} // namespace

std::string render_html(const RolloutReport& r, const content::ContentSet& content, std::string_view locale) {
    const Texts t = texts(locale);
    Doc d{"", t, locale};
    const auto& o = r.overview;
    const OrgTimeZone zone = organisation_zone();
    const std::string rollout = o.rollout_id.empty() ? "—" : content::pick(o.rollout_title, locale);
    d.s = "<!DOCTYPE html>\n<html lang=\"" + escape(locale) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
          escape(t.title) + " — " + escape(o.team_name) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
    // The period: the range asked for, else the rollout's start up to today.
    std::optional<std::int64_t> from = r.range.since_day, until = r.range.until_day;
    if (!from && !r.phases.weeks.empty()) from = utc_day(r.phases.weeks.front().monday_ms);
    if (!until) until = zone.local_day(o.as_of_ms);
    d.s += "<h1>" + escape(t.title) + ": " + escape(rollout) + "</h1>\n<p class=\"meta\">" + escape(t.team) + ": <b>" +
           escape(o.team_name) + "</b> · " + escape(t.period) + ": <b>" +
           (from ? escape(i18n::format_day(*from, locale) + " – " + i18n::format_day(*until, locale))
                 : escape(i18n::format_day(*until, locale))) +
           "</b> · " + escape(t.as_of) + " " + escape(i18n::format_date_time(o.as_of_ms, locale, zone)) + " (" +
           escape(zone.id()) + ") · " + std::to_string(o.cards) + " " + escape(t.cards_note) + "</p>\n";
    team_table(d, r, content);
    d.open_section(t.mastery_fig);
    d.s += report_svg::mastery_bars(o, locale, t.chart);
    d.close_section();
    d.open_section(t.heatmap_fig, t.heatmap_note);
    d.s += report_svg::heatmap(r.heatmap, content, locale, t.chart);
    d.close_section();
    Texts named = t;
    for (auto p : content::kPhases) named.chart.phase[static_cast<int>(p)] = phase_name(content, p, locale);
    d.open_section(t.phases_fig, t.phases_note);
    d.s += report_svg::phase_bars(r.phases, locale, named.chart);
    d.close_section();
    d.open_section(t.maturity_fig);
    d.s += report_svg::maturity_line(r.maturity, locale, t.chart);
    d.close_section();
    quality_sections(d, r.quality);
    d.open_section(t.signoffs);
    if (!r.signoffs.available || r.signoffs.items.empty()) {
        d.s += "<p>" + escape(r.signoffs.available ? t.no_signoffs : i18n::kNoValue) + "</p>\n";
    } else {
        d.s += "<ul>\n";
        for (const auto& it : r.signoffs.items) {
            const content::Module* m = content.onboarding ? content.onboarding->find_module(it.module_id) : nullptr;
            d.s += "<li><b>" + escape(it.display_name) + "</b> — " +
                   escape(m ? content::pick(m->title, locale) : it.module_id) + " (" + escape(t.requested) + " " +
                   escape(i18n::format_date(it.requested_ms, locale, zone)) + ")</li>\n";
        }
        d.s += "</ul>\n";
    }
    d.close_section();
    d.s += "</body>\n</html>\n";
    return d.s;
}

} // namespace trainer::dashboard
