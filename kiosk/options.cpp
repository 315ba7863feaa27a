#include "kiosk/options.hpp"

#include "trainer/content/model.hpp"
#include "trainer/core/paths.hpp"

#include <charconv>

namespace kiosk {

std::string usage() {
    return "usage: kiosk [--db PATH] [--content DIR] [--assets DIR] [--lang en|pl|ru]\n"
           "             [--fullscreen | --desk] [--scale 0.75..3] [--size WxH]\n"
           "             [--idle-seconds N] [--pass-fail] [--new-per-day N]\n"
           "             [--deck ID [--flip]] [--search TEXT] [--login PERSON [--pin-stdin] [--open WHAT]]\n"
           "             [--frames N --screenshot PATH] [--dump-text FILE]\n"
           "             [--tour DIR --tour-screens LIST [--tour-langs L,L] [--tour-sizes WxH,WxH] [--tour-png]]\n";
}

namespace {

bool parse_float(const std::string& s, float& out) {
    try {
        std::size_t used = 0;
        out = std::stof(s, &used);
        return used == s.size();
    } catch (...) {
        return false;
    }
}

bool parse_int(const std::string& s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

} // namespace

std::optional<std::string> parse_options(const std::vector<std::string>& args, Options& o) {
    o.db = trainer::default_db_path();
    o.content = trainer::default_content_dir();
    o.assets = trainer::default_assets_dir();
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--fullscreen") o.fullscreen = true;
        else if (a == "--desk") o.desk = true;
        else if (a == "--flip") o.flip = true;
        else if (a == "--pass-fail") o.pass_fail = true;
        else if (a == "--pin-stdin") o.pin_stdin = true;
        else if (a == "--tour-png") o.tour.png = true;
        else if (a == "--help" || a == "-h") return usage();
        else if (a.rfind("--tour", 0) == 0) {
            if (!value(v)) return "option " + a + " needs a value\n" + usage();
            if (auto err = parse_tour_option(a, v, o.tour)) return *err + usage();
        }
        else if (a == "--db" || a == "--content" || a == "--assets" || a == "--lang" ||
                 a == "--scale" || a == "--size" || a == "--frames" || a == "--screenshot" || a == "--dump-text" ||
                 a == "--deck" || a == "--idle-seconds" || a == "--login" || a == "--search" ||
                 a == "--new-per-day" || a == "--open") {
            if (!value(v)) return "option " + a + " needs a value\n" + usage();
            if (a == "--db") o.db = v;
            else if (a == "--content") o.content = v;
            else if (a == "--assets") o.assets = v;
            else if (a == "--screenshot") o.screenshot = v;
            else if (a == "--dump-text") o.dump_text = v;
            else if (a == "--deck") o.open_deck = v;
            else if (a == "--login") o.login_as = v;
            else if (a == "--search") o.search = v;
            else if (a == "--open") {
                static const char* kWhat[] = {"tracks", "module:", "dashboard", "heatmap", "phases", "quality", "signoffs",
                                              "maturity", "person:", "scores", "evaluate:", "signoff:", "review"};
                bool known = false;
                for (const char* w : kWhat) {
                    const std::string k = w;
                    known = known || (k.back() == ':' ? v.rfind(k, 0) == 0 && v.size() > k.size() : v == k);
                }
                if (!known)
                    return "--open expects tracks, module:ID, dashboard, heatmap, phases, quality, signoffs, maturity, "
                           "person:ID, scores, evaluate:ID, signoff:PERSON/MODULE or review; got '" + v + "'\n";
                o.open = v;
            }
            else if (a == "--new-per-day") {
                if (!parse_int(v, o.new_per_day) || o.new_per_day < 0 || o.new_per_day > 500)
                    return "--new-per-day expects 0 to 500, got '" + v + "'\n";
            }
            else if (a == "--idle-seconds") {
                if (!parse_int(v, o.idle_seconds) || o.idle_seconds < 15 || o.idle_seconds > 86400)
                    return "--idle-seconds expects 15 to 86400, got '" + v + "'\n";
            }
            else if (a == "--lang") {
                if (!trainer::content::is_supported_locale(v))
                    return "unknown language '" + v + "' (expected en, pl or ru)\n";
                o.lang = v;
                o.lang_given = true;
            } else if (a == "--scale") {
                if (!parse_float(v, o.scale) || o.scale < 0.75f || o.scale > 3.0f)
                    return "--scale expects a number from 0.75 to 3, got '" + v + "'\n";
            } else if (a == "--size") {
                const auto x = v.find('x');
                if (x == std::string::npos || !parse_int(v.substr(0, x), o.width) ||
                    !parse_int(v.substr(x + 1), o.height) || o.width < 320 || o.height < 240)
                    return "--size expects WIDTHxHEIGHT (at least 320x240), got '" + v + "'\n";
            } else if (a == "--frames") {
                if (!parse_int(v, o.frames) || o.frames < 1)
                    return "--frames expects a positive whole number, got '" + v + "'\n";
            }
        } else {
            return "unknown option '" + a + "'\n" + usage();
        }
    }
    if (o.fullscreen && o.desk) return "--fullscreen and --desk exclude each other\n";
    if ((o.pin_stdin || !o.open.empty()) && o.login_as.empty()) return "--pin-stdin and --open need --login PERSON\n";
    if (!o.open.empty() && !o.pin_stdin) return "--open needs --pin-stdin (it opens a screen after signing in)\n";
    if (auto err = check_tour_plan(o.tour, o.pin_stdin)) return *err;
    // --dump-text alone keeps the window open and rewrites the dump after every frame drawn (the
    // end-to-end tests read what a tap or a key brought up).
    if ((!o.screenshot.empty() || !o.tour.dir.empty()) && o.frames == 0) o.frames = 3;
    return std::nullopt;
}

} // namespace kiosk
