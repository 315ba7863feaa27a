#pragma once
// The lead flow's intents (kiosk/flows/lead_flow.hpp, DESIGN §4.4, §4.6).
#include <map>
#include <string>
#include <variant>

namespace kiosk {

struct ShowTeam {};
struct UnlockPerson {
    std::string person_id;
};
struct ShowDashboard {
    std::string team_id; // empty: the first team the lead may see
};
struct ShowPerson {
    std::string person_id;
};
struct AssessPhase {
    std::string person_id;
    std::string rollout_id;
    int phase = 0; // content::Phase
    std::string note;
};
struct ShowMaturity {};
struct SubmitMaturity {
    std::map<std::string, int> answers;
};
// Open a sign-off request; it is signed on the signature flow's PIN pad.
struct OpenSignoff {
    std::string person_id;
    std::string module_id;
};

using LeadIntent = std::variant<ShowTeam, UnlockPerson, ShowDashboard, ShowPerson, AssessPhase, ShowMaturity,
                                SubmitMaturity, OpenSignoff>;

} // namespace kiosk
