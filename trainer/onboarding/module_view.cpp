#include "trainer/onboarding/module_view.hpp"

#include "trainer/onboarding/quiz.hpp"

#include <algorithm>

namespace trainer::onboarding {

namespace {

// One question as the person sees it: options in `order`; with an answer, its score, what was
// chosen, which options are right and the feedback revealed.
QuestionView question_view(const content::QuizQuestion& q, const QuizAnswer* a, const std::vector<std::size_t>& order,
                           std::string_view locale) {
    QuestionView qv;
    qv.id = q.id;
    qv.kind = q.kind;
    qv.prompt = content::pick(q.prompt, locale);
    qv.answered = a != nullptr;
    if (a) {
        qv.score = a->score;
        qv.explanation = content::pick(q.explanation, locale);
    }
    for (std::size_t i : order) {
        const auto& o = q.options[i];
        OptionView ov;
        ov.id = o.id;
        ov.text = content::pick(o.text, locale);
        if (a) {
            ov.chosen = std::find(a->chosen.begin(), a->chosen.end(), o.id) != a->chosen.end();
            ov.correct = o.correct;
            ov.feedback = content::pick(o.feedback, locale);
        }
        qv.options.push_back(std::move(ov));
    }
    return qv;
}

QuizView quiz_view(const content::Module& m, const ModuleRecord& r, std::string_view locale) {
    QuizView v;
    const bool current = r.current_for(m.version);
    v.pass_mark = m.quiz.pass_mark;
    v.attempt = current ? r.attempt : 0;
    v.attempt_open = current && r.attempt_open;
    for (const auto& c : r.completions)
        if (c.version == m.version) v.last_result = c;
    for (const auto& q : m.quiz.questions) {
        const QuizAnswer* a = nullptr;
        if (v.attempt_open)
            if (auto it = r.answers.find(q.id); it != r.answers.end()) a = &it->second;
        if (a) ++v.answered;
        // Without an open attempt there is no seed yet: authoring order until one starts.
        std::vector<std::size_t> order(q.options.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        if (v.attempt_open) order = option_order(r.seed, q);
        v.questions.push_back(question_view(q, a, order, locale));
        // The finished attempt's answers stay until the next starts: what was not fully right,
        // with its feedback, for a failed quiz's result ("look at the feedback").
        if (!v.attempt_open && current && r.attempt > 0)
            if (auto it = r.answers.find(q.id); it != r.answers.end() && it->second.score < 0.999)
                v.missed.push_back(question_view(q, &it->second, option_order(r.seed, q), locale));
    }
    return v;
}

} // namespace

ModuleView build_module_view(const content::Module& m, const ModuleRecord& r,
                             std::string_view locale, bool with_private) {
    ModuleView v;
    const bool current = r.current_for(m.version);
    v.module_id = m.id;
    v.pillar = m.pillar;
    v.version = m.version;
    v.title = content::pick(m.title, locale);
    v.summary = content::pick(m.summary, locale);
    v.minutes = m.minutes;
    v.current_page = current ? std::clamp(r.page, 0, std::max(0, static_cast<int>(m.pages.size()) - 1)) : 0;
    for (const auto& p : m.pages)
        v.pages.push_back({content::pick(p.title, locale), content::pick(p.text, locale), p.image, p.cards});
    if (const Completion* c = r.passed_in(m.version)) v.passed = *c;
    switch (m.pillar) {
    case content::Pillar::Knowledge:
        v.quiz = quiz_view(m, r, locale);
        break;
    case content::Pillar::Attitude:
        for (const auto& s : m.scenarios) {
            ScenarioView sv;
            sv.id = s.id;
            sv.situation = content::pick(s.situation, locale);
            sv.reflection_prompt = content::pick(s.reflection, locale);
            const ScenarioAnswer* a = nullptr;
            if (current && r.attempt_open)
                if (auto it = r.scenarios.find(s.id); it != r.scenarios.end()) a = &it->second;
            sv.answered = a != nullptr;
            if (a && with_private) sv.reflection = a->reflection;
            for (const auto& o : s.options) {
                ScenarioOptionView ov{o.id, content::pick(o.text, locale)};
                if (a) {
                    ov.chosen = a->option == o.id;
                    ov.value = o.value;
                    ov.feedback = content::pick(o.feedback, locale);
                }
                sv.options.push_back(std::move(ov));
            }
            v.scenarios.push_back(std::move(sv));
        }
        break;
    case content::Pillar::Skills:
        v.checklist_pass_mark = m.checklist.pass_mark;
        for (const auto& s : m.checklist.steps)
            v.steps.push_back({s.id, content::pick(s.text, locale), s.cards});
        v.signoff_pending = current && r.signoff_requested_ms.has_value();
        break;
    }
    return v;
}

QuestionView relocalised(const content::Module& m, QuestionView q, std::string_view locale) {
    for (const auto& question : m.quiz.questions) {
        if (question.id != q.id) continue;
        q.prompt = content::pick(question.prompt, locale);
        if (q.answered) q.explanation = content::pick(question.explanation, locale);
        for (auto& ov : q.options)
            for (const auto& o : question.options)
                if (o.id == ov.id) {
                    ov.text = content::pick(o.text, locale);
                    if (q.answered) ov.feedback = content::pick(o.feedback, locale);
                }
        break;
    }
    return q;
}

} // namespace trainer::onboarding
