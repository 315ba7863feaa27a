#pragma once
// The review flow's intents (kiosk/flows/review_flow.hpp).
#include <variant>

namespace kiosk {

struct StartReview {};
struct GradeCard {
    int rating = 3; // 1 Again, 2 Hard, 3 Good, 4 Easy
};

using ReviewIntent = std::variant<StartReview, GradeCard>;

} // namespace kiosk
