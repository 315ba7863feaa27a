#include "trainer/onboarding/signoff.hpp"
#include "trainer/onboarding/pass_mark.hpp"

#include "trainer/core/text_policy.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/change/projection.hpp"
#include "trainer/content/adopted_content.hpp"
#include "trainer/content/onboarding_events.hpp"
#include "trainer/onboarding/projection.hpp"
#include "trainer/onboarding/service.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <set>

namespace trainer::onboarding {

bool signoff_passed(std::size_t shown, std::size_t steps, double pass_mark) {
    return score_checklist(shown, steps, pass_mark).passed; // the one rule (pass_mark.hpp)
}

bool may_sign(store::Database& db, const identity::Actor& signer, const std::string& person) {
    if (signer.person_id.empty() || person == signer.person_id) return false;
    if (std::find(signer.led_people.begin(), signer.led_people.end(), person) != signer.led_people.end())
        return true;
    if (signer.role != identity::Role::Admin) return false;
    const auto p = identity::read_person(db, person);
    return p && p->active && p->role == identity::Role::Lead;
}

namespace {

// The people whose requests this signer sees: the members of their teams, and for an admin every
// active lead too.
std::vector<std::string> signable_people(store::Database& db, const identity::Actor& signer) {
    std::vector<std::string> out = signer.led_people;
    if (signer.role == identity::Role::Admin) {
        auto st = db.prepare("SELECT id FROM people WHERE role = 'lead' AND active = 1 ORDER BY id");
        while (st.step())
            if (std::find(out.begin(), out.end(), st.text(0)) == out.end()) out.push_back(st.text(0));
    }
    return out;
}

using Code = OnboardingError::Code;
constexpr std::size_t kMaxNoteBytes = 4000;
} // namespace

SignoffService::SignoffService(store::EventStore& events, const content::OnboardingContent& content,
                               identity::AuthService& auth)
    : events_(events), content_(content), auth_(auth) {}

std::vector<SignoffRequest> SignoffService::queue(const identity::Actor& lead, std::string_view locale) {
    std::vector<SignoffRequest> out;
    // A request counts in the module version the organisation adopted (content/adopted_content.hpp),
    // which another desk may have adopted before this desk's folder has it.
    const content::AdoptedVersions adopted = content::adopted_of(events_.db(), "module");
    for (const auto& person : signable_people(events_.db(), lead)) {
        if (person == lead.person_id) continue;
        const auto p = identity::read_person(events_.db(), person);
        for (const auto& [id, r] : load_records(events_.db(), person)) {
            const content::Module* m = content_.find_module(id);
            if (!m || m->pillar != content::Pillar::Skills ||
                !r.current_for(content::current_version(adopted, id, m->version)) || !r.signoff_requested_ms)
                continue;
            SignoffRequest q;
            q.person_id = person;
            q.display_name = p ? p->display_name : person;
            q.module_id = id;
            q.module_title = content::pick(m->title, locale);
            q.version = r.version;
            q.attempt = r.attempt;
            q.requested_ms = *r.signoff_requested_ms;
            q.pass_mark = m->checklist.pass_mark;
            for (const auto& s : m->checklist.steps)
                q.steps.push_back({s.id, content::pick(s.text, locale), s.cards});
            out.push_back(std::move(q));
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const SignoffRequest& a, const SignoffRequest& b) { return a.requested_ms < b.requested_ms; });
    return out;
}

ModuleRecord SignoffService::validate(const identity::Actor& lead, const SignoffInput& in, std::set<std::string>& shown) {
    const content::Module* m = content_.find_module(in.module);
    if (!m) throw OnboardingError(Code::UnknownModule, "no onboarding module '" + in.module + "'");
    if (m->pillar != content::Pillar::Skills)
        throw OnboardingError(Code::WrongPillar, "module '" + in.module + "' is not a skills module; only skills are signed off");
    if (!may_sign(events_.db(), lead, in.person))
        throw identity::AccessDenied("only a lead of " + in.person + "'s team (for a lead: their manager " +
                                     "or an admin) may sign off their skills; " + lead.label() +
                                     " may not. Nothing was recorded");
    ModuleRecord r = load_record(events_.db(), in.person, in.module);
    const int adopted = content::current_version(content::adopted_of(events_.db(), "module"), m->id, m->version);
    if (!r.current_for(adopted) || !r.signoff_requested_ms)
        throw OnboardingError(Code::NoRequest, in.person + " has not asked for a sign-off of '" + in.module + "'");
    // The checklist signed is this desk's: it must be the version the organisation adopted.
    if (adopted != m->version)
        throw OnboardingError(Code::BadInput, "this desk has version " + std::to_string(m->version) + " of module '" +
                                                  in.module + "', but the organisation adopted version " +
                                                  std::to_string(adopted) +
                                                  ": update this desk's content before signing it off. Nothing was recorded");
    for (const auto& s : in.steps_shown) {
        if (!m->checklist.find_step(s))
            throw OnboardingError(Code::UnknownStep, "module '" + in.module + "' has no step '" + s + "'");
        if (!shown.insert(s).second) throw OnboardingError(Code::BadInput, "step '" + s + "' was ticked twice");
    }
    if (auto e = text::problem(in.note, text::Kind::MultiLine))
        throw OnboardingError(Code::BadInput, "the note: " + *e);
    if (in.note.size() > kMaxNoteBytes)
        throw OnboardingError(Code::BadInput, "the note is longer than " + std::to_string(kMaxNoteBytes) + " bytes");

    return r;
}

SignoffResult SignoffService::sign(const identity::Actor& lead, const SignoffInput& in, std::string_view pin) {
    std::set<std::string> shown;
    validate(lead, in, shown); // nothing about the PIN is checked for a request that cannot be signed
    // The lead's own PIN: the same check as a login, without starting a session.
    const identity::LoginAttempt attempt = auth_.begin_by_id(lead.person_id);
    if (attempt.throttled)
        throw identity::AccessDenied("too many wrong PINs for " + lead.person_id + "; try again in " +
                                     std::to_string((attempt.retry_after_ms + 999) / 1000) + " s");
    return sign_checked(lead, in, attempt, auth_.check(attempt, pin));
}

SignoffResult SignoffService::sign_checked(const identity::Actor& lead, const SignoffInput& in,
                                           const identity::LoginAttempt& attempt, const identity::PinCheck& check) {
    std::set<std::string> shown;
    ModuleRecord r = validate(lead, in, shown);
    const content::Module* m = content_.find_module(in.module);
    if (attempt.person_id != lead.person_id)
        throw identity::AccessDenied("the signature is not " + lead.person_id + "'s; nothing was signed");
    if (attempt.throttled)
        throw identity::AccessDenied("too many wrong PINs for " + lead.person_id + "; try again in " +
                                     std::to_string((attempt.retry_after_ms + 999) / 1000) + " s");
    if (!check.matched) {
        auth_.finish(attempt, check); // counts as a failed try of the lead's PIN
        throw identity::AccessDenied("the PIN does not match " + lead.person_id + "'s; nothing was signed");
    }

    SignoffResult res;
    std::vector<std::string> shown_ordered;
    for (const auto& s : m->checklist.steps)
        (shown.count(s.id) ? shown_ordered : res.steps_missed).push_back(s.id);
    const auto [score, passed] = score_checklist(shown.size(), m->checklist.steps.size(), m->checklist.pass_mark);
    const TimeMs now = events_.clock().now_ms();

    store::Transaction tx(events_.db());
    const store::Event e = events_.append(
        {kSignedOff, lead.person_id,
         {{"person", in.person}, {"module", in.module}, {"version", m->version}, {"attempt", r.attempt},
          {"steps_shown", shown_ordered}, {"steps_missed", res.steps_missed}, {"score", score},
          {"passed", passed}, {"signer", lead.person_id}, {"note", in.note},
          {"started_ms", r.started_ms}, {"ended_ms", now}}});
    apply(r, e);
    update_derived(events_.db(), r, e);
    // The change dashboard counts finished modules too (change_module_done): same transaction.
    change::apply_change_event(events_.db(), e);
    for (const auto& step_id : res.steps_missed) {
        const content::ChecklistStep* step = m->checklist.find_step(step_id);
        for (const auto& card : step->cards) {
            if (std::find(res.coached_cards.begin(), res.coached_cards.end(), card) != res.coached_cards.end())
                continue;
            cards::assign_coaching(events_, {in.person, card,
                                             "skills sign-off of '" + in.module + "': step '" + step_id + "' not shown",
                                             "skills", lead.person_id});
            res.coached_cards.push_back(card);
        }
    }
    tx.commit();
    res.completion = r.completions.back();
    return res;
}

} // namespace trainer::onboarding
