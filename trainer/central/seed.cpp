#include "trainer/central/seed.hpp"

#include "trainer/core/time.hpp"

#include <chrono>
#include <cstdio>
#include <string>

namespace trainer::central {

SeedResult seed_central(PgConnection& admin, const SeedOptions& o) {
    const auto start = std::chrono::steady_clock::now();
    const long long end_ms = o.end_ms ? o.end_ms
                                      : std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch()).count();
    const long long first_day = end_ms / kMsPerDay - o.days + 1;
    PgTransaction tx(admin);
    std::string roster, sites;
    for (int a = 0; a < o.agents; ++a) roster += "agent-" + std::to_string(a) + "\tteam-" + std::to_string(a / 25) + "\n";
    for (int t = 0; t <= o.agents / 25; ++t) sites += "team-" + std::to_string(t) + "\tsite-" + std::to_string(t / 10) + "\n";
    admin.copy_in("COPY central.memberships (person_id, team_id) FROM STDIN", roster);
    admin.copy_in("COPY central.team_sites (team_id, site_id) FROM STDIN", sites);
    SeedResult r;
    std::string ids, rows;
    char buf[640];
    // A day at a time keeps each COPY a few MB.
    for (int d = 0; d < o.days; ++d) {
        ids.clear();
        rows.clear();
        // In the order of their times, as desks syncing through the day deliver them.
        for (int k = 0; k < o.reviews_per_day; ++k)
            for (int a = 0; a < o.agents; ++a) {
                const long long at = (first_day + d) * kMsPerDay + 8 * 3600000LL + k * 97000LL + a;
                const int card = (a * 7 + d * o.reviews_per_day + k) % o.cards;
                char id[40];
                std::snprintf(id, sizeof id, "seed-%08x-%04x-%05x", a, d, k);
                std::snprintf(buf, sizeof buf,
                              "%s\tcard.reviewed\tagent-%d\tseed\tseed\t%lld\t{\"card\": \"fc-seed-%03d\", "
                              "\"card_version\": 1, \"rating\": %d, \"elapsed_days\": 1, \"after\": {\"difficulty\": 5.1, "
                              "\"due_ms\": %lld, \"lapses\": 0, \"learning_steps\": 0, \"reps\": %d, \"scheduled_days\": 3, "
                              "\"stability\": 3.2, \"state\": \"Review\"}}\n",
                              id, a, at, card, 1 + (a + k) % 4, at + 3 * kMsPerDay, d + 1);
                rows += buf;
                ids += id;
                ids += '\n';
                ++r.events;
            }
        // Twice a month a QA evaluation and once a survey answer per agent: the motivation inputs.
        const int day_of_month = std::stoi(format_date((first_day + d) * kMsPerDay).substr(8, 2));
        const bool motivation_day = day_of_month == 10 || day_of_month == 15 || day_of_month == 20;
        for (int a = 0; motivation_day && a < o.agents; ++a) {
            const long long at = (first_day + d) * kMsPerDay + 15 * 3600000LL + a;
            const std::string date = format_date((first_day + d) * kMsPerDay);
            char id[40];
            std::snprintf(id, sizeof id, "seed-%08x-%04x-m", a, d);
            if (day_of_month == 15)
                std::snprintf(buf, sizeof buf,
                              "%s\tsurvey.answered\t\\N\tseed\tseed\t%lld\t{\"person\": \"agent-%d\", \"date\": \"%s\", "
                              "\"source\": \"seed\", \"external_id\": \"%s\", \"csat\": %d, \"nps\": %d, \"ces\": %d}\n",
                              id, at, a, date.c_str(), id, 3 + a % 3, 6 + a % 5, 1 + a % 4);
            else
                std::snprintf(buf, sizeof buf,
                              "%s\tqa.evaluated\tlead-%d\tseed\tseed\t%lld\t{\"person\": \"agent-%d\", \"date\": \"%s\", "
                              "\"scorecard\": \"call-quality\", \"evaluator\": \"lead-%d\", \"score\": {\"percent\": %d, "
                              "\"scored\": true, \"critical_failed\": false}}\n",
                              id, a / 25, at, a, date.c_str(), a / 25, 70 + (a * 7 + d) % 31);
            rows += buf;
            ids += id;
            ids += '\n';
            ++r.events;
        }
        admin.copy_in("COPY central.event_ids (id) FROM STDIN", ids);
        admin.copy_in("COPY central.events (id, type, person_id, kiosk_id, device, at_ms, payload) FROM STDIN", rows);
    }
    tx.commit();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace trainer::central
