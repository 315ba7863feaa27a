#pragma once
// A short form of statements, each answered on a labelled scale with one tap: the change
// check-in (1-5, DESIGN §4.4) and the service maturity self-check (0-2). Submit is enabled once
// every statement has an answer; the running total is shown when asked for.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"

#include <map>
#include <string>
#include <vector>

namespace kiosk {

struct SurveyItem {
    std::string id;
    std::string text;
};

struct SurveyForm {
    std::string title;
    std::string intro;
    std::vector<SurveyItem> items;
    int min = 1;                     // the scale's first value
    std::vector<std::string> labels; // one per value, from min up
    std::string submit;              // button label
    std::string later;               // a "not now" button label; empty: none
    bool show_total = false;
    std::vector<std::string> total_readings; // show_total: what a total means (already chosen by the app)
};

struct SurveyScreen {
    std::map<std::string, int> answers;
    std::string message; // why submitting failed (translated)

    enum class Result { None, Submit, Later, Back };
    Result draw(const UiContext& ui, const SurveyForm& form);
};

} // namespace kiosk
