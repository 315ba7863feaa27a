#include "trainer/xapi/push.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

namespace trainer::xapi {
namespace {

using nlohmann::json;

struct Item {
    std::int64_t seq = 0;
    std::string event_id;
    std::string event_type;
    json statement;
};

// A stop with its reason; thrown inside the run, turned into the report at the end.
struct Stop {
    PushOutcome outcome;
    std::string message;
    std::string statement_id; // copies: the batch is gone by the time the stop is caught
    std::string event_id;
    Stop(PushOutcome o, std::string m, const Item* item = nullptr) : outcome(o), message(std::move(m)) {
        if (item) {
            statement_id = item->statement.value("id", std::string());
            event_id = item->event_id;
        }
    }
};

std::string short_body(const std::string& body) {
    std::string s = body.substr(0, 300);
    std::replace_if(s.begin(), s.end(), [](char ch) { return ch == '\n' || ch == '\r'; }, ' ');
    return s.empty() ? "no reason given" : s;
}

std::string describe(const Item& item) {
    return "statement " + item.statement.value("id", std::string()) + " (event " + item.event_id + ", " +
           item.event_type + ")";
}

// The actor's identifier, whichever inverse functional identifier it uses.
json actor_key(const json& actor) {
    if (!actor.is_object()) return nullptr;
    for (const char* k : {"mbox", "mbox_sha1sum", "openid"})
        if (actor.contains(k)) return json{{k, actor[k]}};
    if (actor.contains("account") && actor["account"].is_object())
        return json{{"homePage", actor["account"].value("homePage", "")}, {"name", actor["account"].value("name", "")}};
    return nullptr;
}

// Does the LRS's copy say the same thing as ours (same id, verb, object and actor)?
bool same_statement(const json& stored, const json& ours) {
    if (!stored.is_object()) return false;
    auto id_of = [](const json& s, const char* part) {
        return s.contains(part) && s[part].is_object() ? s[part].value("id", std::string()) : std::string();
    };
    return stored.value("id", std::string()) == ours.value("id", std::string()) &&
           id_of(stored, "verb") == id_of(ours, "verb") && id_of(stored, "object") == id_of(ours, "object") &&
           actor_key(stored.value("actor", json())) == actor_key(ours["actor"]);
}

class Run {
public:
    Run(store::Database& db, LrsTransport& lrs, const PushSettings& s) : db_(db), lrs_(lrs), s_(s) {}

    // Sends one batch; returns (how many statements are still to be counted) only when every
    // statement in it is acknowledged.
    std::size_t send_batch(const std::vector<Item>& items) {
        json body = json::array();
        for (const auto& i : items) body.push_back(i.statement);
        const HttpAnswer a = with_retries([&] { return lrs_.post_statements(body.dump()); });
        if (a.status >= 200 && a.status < 300) return items.size();
        if (a.status == 400 || a.status == 409) {
            if (items.size() > 1) {
                // Which statement? One at a time: those before it are stored, it is named.
                for (const auto& i : items) {
                    send_one(i);
                    acknowledged(i.seq, 1);
                }
                return 0;
            }
            settle_single(items.front(), a);
            return 1;
        }
        stop_for(a, items.front());
    }

    // Records that everything through `seq` is in the LRS (one transaction).
    void acknowledged(std::int64_t seq, std::size_t count) {
        db_.prepare("INSERT INTO xapi_push_state (lrs, through_seq, statements) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (lrs) DO UPDATE SET through_seq = max(through_seq, excluded.through_seq), "
                    "statements = statements + excluded.statements")
            .bind_all(s_.lrs, seq, static_cast<std::int64_t>(count))
            .run();
        sent_ += count;
    }

    std::size_t sent() const { return sent_; }

private:
    void send_one(const Item& item) {
        const std::string body = json::array({item.statement}).dump();
        const HttpAnswer a = with_retries([&] { return lrs_.post_statements(body); });
        if (a.status >= 200 && a.status < 300) return;
        if (a.status == 400 || a.status == 409) return settle_single(item, a);
        stop_for(a, item);
    }

    // A single statement answered 400 or 409.
    void settle_single(const Item& item, const HttpAnswer& a) {
        if (a.status == 400)
            throw Stop{PushOutcome::Refused, "the LRS refused " + describe(item) + " as invalid (HTTP 400: " +
                                                 short_body(a.body) + ")", &item};
        // 409: stored only if the LRS really holds this statement under its id.
        const std::string id = item.statement.value("id", std::string());
        const HttpAnswer g = with_retries([&] { return lrs_.get_statement(id); });
        if (g.status == 200) {
            const json stored = json::parse(g.body, nullptr, false);
            if (same_statement(stored, item.statement)) return;
            throw Stop{PushOutcome::Refused, "the LRS holds a different statement under the id of " +
                                                 describe(item) + " (HTTP 409); it is not marked sent", &item};
        }
        if (g.status == 404)
            throw Stop{PushOutcome::Refused, "the LRS answered 409 (conflict) for " + describe(item) +
                                                 " but does not return it by its id; it is not marked sent", &item};
        stop_for(g, item);
    }

    [[noreturn]] void stop_for(const HttpAnswer& a, const Item& item) {
        if (a.status == 401 || a.status == 403)
            throw Stop{PushOutcome::Unauthorised,
                       "the LRS refused the credentials (HTTP " + std::to_string(a.status) +
                           "): check the key and secret (--auth-file, or TRAINER_LRS_KEY and TRAINER_LRS_SECRET) and that they may write statements",
                       };
        if (a.status == 0 || a.status == 429 || a.status >= 500)
            throw Stop{PushOutcome::Unreachable,
                       "the LRS did not store " + describe(item) + " after " + std::to_string(s_.retries + 1) +
                           " tries: " + (a.status == 0 ? a.error : "HTTP " + std::to_string(a.status) + " " + short_body(a.body)),
                       &item};
        throw Stop{PushOutcome::Refused, "the LRS answered HTTP " + std::to_string(a.status) + " for " +
                                             describe(item) + ": " + short_body(a.body), &item};
    }

    template <class F> HttpAnswer with_retries(F&& request) {
        long wait = std::max(1L, s_.backoff_ms);
        for (int attempt = 0;; ++attempt) {
            HttpAnswer a = request();
            const bool transient = a.status == 0 || a.status == 429 || a.status >= 500;
            if (!transient || attempt >= s_.retries) return a;
            if (s_.sleep) s_.sleep(wait);
            else std::this_thread::sleep_for(std::chrono::milliseconds(wait));
            wait = std::min(wait * 2, 30'000L);
        }
    }

    store::Database& db_;
    LrsTransport& lrs_;
    const PushSettings& s_;
    std::size_t sent_ = 0;
};

void record_outcome(store::Database& db, const std::string& lrs, TimeMs now, const std::string& error) {
    db.prepare("INSERT INTO xapi_push_state (lrs) VALUES (?1) ON CONFLICT (lrs) DO NOTHING").bind_all(lrs).run();
    if (error.empty())
        db.prepare("UPDATE xapi_push_state SET last_ok_ms = ?2, last_error = NULL WHERE lrs = ?1").bind_all(lrs, now).run();
    else
        db.prepare("UPDATE xapi_push_state SET last_error = ?2 WHERE lrs = ?1").bind_all(lrs, error).run();
}

} // namespace

std::int64_t pushed_through(store::Database& db, const std::string& lrs) {
    auto st = db.prepare("SELECT through_seq FROM xapi_push_state WHERE lrs = ?1");
    st.bind(1, lrs);
    return st.step() ? st.int64(0) : 0;
}

PushReport push_statements(store::EventStore& events, const content::ContentSet* content,
                           quality::XapiOptions options, LrsTransport& lrs, const PushSettings& settings) {
    options = quality::prepared_options(events, std::move(options));
    const std::size_t batch = std::max<std::size_t>(1, settings.batch);
    constexpr std::int64_t kChunk = 512;
    Run run(events.db(), lrs, settings);
    PushReport report;
    try {
        for (;;) {
            const std::int64_t cursor = pushed_through(events.db(), settings.lrs);
            std::vector<Item> items;
            std::int64_t scanned = cursor;
            // An event is at most one statement: read as many rows as the batch still needs, twice
            // as many each time the rows read were not statements (lookups, logins), at most kChunk.
            // (Reading kChunk rows for every batch parsed 512 events to send 7.)
            std::int64_t rows = static_cast<std::int64_t>(std::min<std::size_t>(batch, kChunk));
            for (bool end = false; items.size() < batch && !end;) {
                store::EventFilter f;
                f.after_seq = scanned;
                f.limit = std::min<std::int64_t>(kChunk, std::max<std::int64_t>(
                                                             rows, static_cast<std::int64_t>(batch - items.size())));
                rows = std::min<std::int64_t>(kChunk, rows * 2);
                std::int64_t seen = 0;
                events.for_each(f, [&](const store::Event& e) {
                    ++seen;
                    if (items.size() >= batch) return; // the next batch starts here
                    scanned = e.seq;
                    if (settings.since_ms && e.at_ms < *settings.since_ms) return;
                    try {
                        if (auto st = quality::to_statement(e, content, options))
                            items.push_back({e.seq, e.id, e.type, std::move(*st)});
                    } catch (const std::exception& x) {
                        throw std::runtime_error(e.type + " event " + e.id + ": cannot be sent: " + x.what());
                    }
                });
                end = seen < *f.limit;
            }
            if (items.empty()) {
                if (scanned > cursor) run.acknowledged(scanned, 0); // only events that are no statements
                break;
            }
            run.acknowledged(scanned, run.send_batch(items));
        }
        record_outcome(events.db(), settings.lrs, events.clock().now_ms(), "");
    } catch (const Stop& stop) {
        report.outcome = stop.outcome;
        report.message = stop.message;
        report.statement_id = stop.statement_id;
        report.event_id = stop.event_id;
        record_outcome(events.db(), settings.lrs, events.clock().now_ms(), stop.message);
    }
    report.sent = run.sent();
    report.through_seq = pushed_through(events.db(), settings.lrs);
    return report;
}

} // namespace trainer::xapi
