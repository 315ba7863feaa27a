#include "kiosk/tour.hpp"

#include "trainer/content/model.hpp"

#include <charconv>
#include <sstream>

namespace kiosk {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep))
        if (!part.empty()) out.push_back(part);
    return out;
}

bool parse_size(const std::string& s, TourSize& out) {
    const auto x = s.find('x');
    if (x == std::string::npos) return false;
    const auto num = [](const std::string& t, int& v) {
        auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        return ec == std::errc() && p == t.data() + t.size();
    };
    return num(s.substr(0, x), out.width) && num(s.substr(x + 1), out.height) && out.width >= 320 &&
           out.height >= 240 && out.width <= 7680 && out.height <= 4320;
}

bool has_prefix(const std::string& s, const char* p) {
    const std::string k = p;
    return s.size() > k.size() && s.rfind(k, 0) == 0;
}

// Targets that need no one signed in, and those that need a sign-in.
bool anonymous_target(const std::string& t) {
    return t == "decks" || t == "login" || has_prefix(t, "card:") || has_prefix(t, "card-back:") ||
           has_prefix(t, "search:") || has_prefix(t, "pin:");
}

bool signed_in_target(const std::string& t) {
    static const char* kExact[] = {"home", "team", "tracks", "dashboard", "heatmap", "phases",
                                   "quality", "signoffs", "maturity", "scores", "review", "review-back"};
    static const char* kPrefix[] = {"module:", "person:", "evaluate:", "signoff:", "sign:"};
    for (const char* e : kExact)
        if (t == e) return true;
    for (const char* p : kPrefix)
        if (has_prefix(t, p)) return true;
    return false;
}

} // namespace

std::optional<std::string> parse_tour_option(const std::string& option, const std::string& value, TourPlan& plan) {
    if (option == "--tour") {
        plan.dir = value;
    } else if (option == "--tour-screens") {
        plan.targets = split(value, ',');
        for (const auto& t : plan.targets)
            if (!anonymous_target(t) && !signed_in_target(t))
                return "--tour-screens: unknown screen '" + t + "' (decks, card:DECK, card-back:DECK, search:TEXT, "
                       "login, pin:PERSON, home, team, sign:PERSON/MODULE or an --open target)\n";
    } else if (option == "--tour-langs") {
        plan.langs = split(value, ',');
        for (const auto& l : plan.langs)
            if (!trainer::content::is_supported_locale(l)) return "--tour-langs: unknown language '" + l + "'\n";
    } else if (option == "--tour-sizes") {
        plan.sizes.clear();
        for (const auto& s : split(value, ',')) {
            TourSize size;
            if (!parse_size(s, size)) return "--tour-sizes expects WIDTHxHEIGHT,... got '" + s + "'\n";
            plan.sizes.push_back(size);
        }
    } else {
        return "unknown tour option " + option + "\n";
    }
    return std::nullopt;
}

std::optional<std::string> check_tour_plan(const TourPlan& plan, bool signed_in) {
    if (plan.dir.empty()) {
        if (!plan.targets.empty() || !plan.langs.empty() || !plan.sizes.empty() || plan.png)
            return "--tour-screens, --tour-langs, --tour-sizes and --tour-png need --tour DIR\n";
        return std::nullopt;
    }
    if (plan.targets.empty()) return "--tour needs --tour-screens LIST\n";
    for (const auto& t : plan.targets) {
        if (signed_in_target(t) && !signed_in)
            return "--tour-screens: '" + t + "' needs a sign-in (--login PERSON --pin-stdin)\n";
        if (anonymous_target(t) && signed_in)
            return "--tour-screens: '" + t + "' is a screen for no one signed in (leave out --login)\n";
    }
    return std::nullopt;
}

std::string tour_file_stem(const std::string& target) {
    std::string s;
    for (char c : target) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        s += plain ? c : '_';
    }
    return s;
}

std::filesystem::path TourStep::out_stem(const std::filesystem::path& dir) const {
    return dir / (tour_file_stem(target) + "-" + lang + "-" + std::to_string(size.width) + "x" +
                  std::to_string(size.height));
}

Tour::Tour(TourPlan plan, std::string lang, TourSize size) : plan_(std::move(plan)) {
    if (plan_.dir.empty()) return;
    const std::vector<std::string> langs = plan_.langs.empty() ? std::vector<std::string>{lang} : plan_.langs;
    const std::vector<TourSize> sizes = plan_.sizes.empty() ? std::vector<TourSize>{size} : plan_.sizes;
    for (const auto& l : langs)
        for (const auto& s : sizes)
            for (const auto& t : plan_.targets)
                steps_.push_back({t, l, s});
}

const TourStep* Tour::next() {
    if (index_ < steps_.size()) ++index_;
    else index_ = steps_.size() + 1;
    return current();
}

} // namespace kiosk
