#include "trainer/onboarding/quiz.hpp"
#include "trainer/onboarding/pass_mark.hpp"

#include <sodium.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace trainer::onboarding {

double score_question(const content::QuizQuestion& q, const std::vector<std::string>& chosen) {
    int right = 0, wrong = 0;
    for (const auto& id : chosen) {
        const content::QuizOption* o = q.find_option(id);
        if (!o) continue;
        (o->correct ? right : wrong) += 1;
    }
    if (q.kind == content::QuestionKind::Single)
        return chosen.size() == 1 && right == 1 ? 1.0 : 0.0;
    const int total = q.correct_count();
    if (total == 0) return 0.0;
    return std::max(0.0, static_cast<double>(right - wrong) / total);
}

QuizScore score_attempt(const std::vector<double>& question_scores, double pass_mark) {
    QuizScore s;
    if (question_scores.empty()) return s;
    s.score = std::accumulate(question_scores.begin(), question_scores.end(), 0.0) /
              static_cast<double>(question_scores.size());
    s.passed = reaches_pass_mark(s.score, pass_mark);
    return s;
}

std::vector<std::size_t> option_order(std::uint64_t seed, const content::QuizQuestion& q) {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a of the question id: each question differs
    for (unsigned char c : q.id)
        h = (h ^ c) * 1099511628211ull;
    // mt19937_64's sequence is fixed by the standard; the Fisher-Yates below is ours, so the
    // order is the same with every standard library.
    std::mt19937_64 rng(seed ^ h);
    std::vector<std::size_t> order(q.options.size());
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[rng() % i]);
    return order;
}

std::uint64_t new_attempt_seed() {
    std::uint64_t v = 0;
    randombytes_buf(&v, sizeof v);
    return v & ((1ull << 53) - 1);
}

} // namespace trainer::onboarding
