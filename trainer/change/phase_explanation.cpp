#include "trainer/change/phase_explanation.hpp"
#include "trainer/store/events.hpp"

#include <map>
#include <stdexcept>

namespace trainer::change {

std::vector<PhaseExplanation> explain_latest_phase(store::EventStore& events, const content::ContentSet& content,
                                                   const std::vector<PhaseRecord>& history, std::string_view locale) {
    std::vector<PhaseExplanation> out;
    if (!content.change) return out;
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        if (it->source != "self") continue;
        const auto e = events.find(it->event_id);
        if (!e) return out;
        std::map<std::string, int> answers;
        try {
            const store::Payload given = e->payload.object("answers");
            if (!given.is_object()) throw std::runtime_error("check-in event " + it->event_id + ": /answers: not an object");
            for (const auto& [statement, answer] : given.items())
                answers[statement] = static_cast<int>(answer.integer());
        } catch (const std::exception& ex) {
            if (!store::is_json_error(ex)) throw;
            throw std::runtime_error("check-in event " + it->event_id + ": /answers: " + ex.what());
        }
        for (const auto& r : classify(content.change->pulse, answers).reasons) {
            PhaseExplanation w{r.dimension, r.score, r.comparison == Comparison::Below, r.threshold, {}};
            for (const auto& a : r.answers)
                if (const auto* st = content.change->find_statement(a.statement_id))
                    w.answers.emplace_back(content::pick(st->text, locale), a.answer);
            out.push_back(std::move(w));
        }
        break; // only the latest
    }
    return out;
}

} // namespace trainer::change
