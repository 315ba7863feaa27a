#include "trainer/cards/todays_cards.hpp"

namespace trainer::cards {

TodaysCards todays_cards(const std::vector<QueueItem>& queue) {
    TodaysCards out;
    for (const auto& q : queue) {
        if (q.kind == QueueKind::Coaching) ++out.coaching;
        // A schedule of the current version makes a card "learned" (due_ms set, QueueItem).
        const bool learned = q.kind != QueueKind::New && q.due_ms.has_value();
        if (learned) ++out.reviews_due;
        else ++out.new_today;
    }
    return out;
}

} // namespace trainer::cards
