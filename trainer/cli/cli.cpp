#include "trainer/cli/cli.hpp"

#include "trainer/app/organisation_config.hpp"

#include "trainer/core/paths.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/identity/pin_key.hpp"

#include <algorithm>
#include <iostream>

namespace trainer::cli {

namespace {

std::vector<Command>& registry() {
    static std::vector<Command> list; // filled during static initialisation, read-only after
    return list;
}

const std::vector<OptionSpec> kGlobalOptions = {{"db", true}, {"content", true}, {"help", false}};

void print_help(std::ostream& os) {
    os << "trainer " << TRAINER_VERSION
       << " - service standards trainer (admin and team-lead tasks)\n\nUsage:\n";
    auto list = commands();
    std::sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.name < b.name; });
    for (const auto& c : list) os << "  " << c.usage << "\n      " << c.summary << "\n";
    os << "\nEvery command takes --db PATH (default $TRAINER_DB or var/trainer.db) and\n"
          "--content DIR (default $TRAINER_CONTENT or ./content).\n";
}

// An error message line by line through the display escape: our own line breaks stay, anything
// a value smuggled in (ESC, bidi) is shown as text.
std::string printable(const std::string& message) {
    std::string out;
    std::size_t from = 0;
    for (std::size_t nl; (nl = message.find('\n', from)) != std::string::npos; from = nl + 1)
        out += text::escape_for_display(message.substr(from, nl - from)) + "\n";
    return out + text::escape_for_display(message.substr(from));
}

// An argument as an error message quotes it: a pasted page (a 10,000-character search) is cut
// after 60 bytes, at a character, so the message stays one readable line.
std::string quoted_head(const std::string& s) {
    constexpr std::size_t kShown = 60;
    if (s.size() <= kShown) return s;
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    return s.substr(0, cut) + "\u2026";
}

Args parse(const Command& c, const std::vector<std::string>& rest) {
    Args a;
    auto spec_of = [&](const std::string& name) -> const OptionSpec* {
        for (const auto& o : c.options)
            if (o.name == name) return &o;
        for (const auto& o : kGlobalOptions)
            if (o.name == name) return &o;
        return nullptr;
    };
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const std::string& s = rest[i];
        // The text policy's baseline for every argument: no control or direction characters
        // (a value with a line break is allowed; the field it lands in decides).
        if (auto e = text::problem(s, text::Kind::MultiLine))
            throw UsageError("argument '" + text::escape_for_display(quoted_head(s)) + "': " + *e);
        if (s.size() > 2 && s.starts_with("--")) {
            std::string name = s.substr(2), value;
            bool inline_value = false;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                inline_value = true;
            }
            const OptionSpec* spec = spec_of(name);
            if (!spec) throw UsageError("unknown option --" + name + " (see the usage line below)");
            if (spec->takes_value) {
                if (!inline_value) {
                    // "--person --json": the next option is not this one's value.
                    if (i + 1 >= rest.size() || (rest[i + 1].size() > 2 && rest[i + 1].starts_with("--")))
                        throw UsageError("--" + name + " needs a value" +
                                         (i + 1 < rest.size() ? " (found the option " + rest[i + 1] + ")" : "") +
                                         "; write --" + name + " VALUE");
                    value = rest[++i];
                }
                if (auto [it, fresh] = a.values.emplace(name, value); !fresh)
                    throw UsageError("--" + name + " given twice ('" + text::escape_for_display(it->second) +
                                     "' and '" + text::escape_for_display(value) + "'); give it once");
            } else {
                if (inline_value) throw UsageError("option --" + name + " takes no value");
                if (a.flag(name)) throw UsageError("--" + name + " given twice; give it once");
                a.flags.push_back(name);
            }
        } else {
            a.positional.push_back(s);
        }
    }
    if (a.positional.size() > c.max_positional)
        throw UsageError("unexpected argument '" + text::escape_for_display(a.positional[c.max_positional]) +
                         "' (this command takes at most " + std::to_string(c.max_positional) +
                         (c.max_positional == 1 ? " argument" : " arguments") +
                         "; an option's value goes right after its --name)");
    return a;
}

} // namespace

Registration::Registration(Command c) { registry().push_back(std::move(c)); }

const std::vector<Command>& commands() { return registry(); }

bool Args::flag(const std::string& name) const {
    return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

const std::string& Args::arg(std::size_t i, const std::string& what) const {
    if (i >= positional.size()) throw UsageError("missing " + what);
    return positional[i];
}

std::filesystem::path db_path(const Args& a) {
    if (auto v = a.value("db")) {
        if (v->empty()) throw UsageError("--db is empty; give the database file (e.g. --db var/trainer.db)");
        return *v;
    }
    return default_db_path();
}

std::filesystem::path content_dir(const Args& a) {
    if (auto v = a.value("content")) {
        if (v->empty()) throw UsageError("--content is empty; give the content folder (e.g. --content content)");
        return *v;
    }
    return default_content_dir();
}

namespace {
std::ostream* g_warnings = nullptr; // the running command's error stream (set by run)
} // namespace

store::Database open_db(const Args& a, bool create_if_missing) {
    store::OpenOptions o;
    o.create_if_missing = create_if_missing;
    auto db = store::Database::open(db_path(a), o);
    std::vector<std::string> warnings = db.warnings();
    // The organisation's PIN key beside the database (created by `trainer init`); SECURITY.md.
    for (auto& w : identity::install_pin_key_for(db.path(), create_if_missing && !db.read_only()))
        warnings.push_back(std::move(w));
    if (g_warnings)
        for (const auto& w : warnings)
            *g_warnings << "trainer: warning: " << printable(w) << "\n";
    return db;
}

int run(const std::vector<std::string>& raw, Io& io) {
    g_warnings = &io.err;
    // Global options may also come before the command: `trainer --db x.db people list`.
    std::vector<std::string> argv, leading;
    std::size_t k = 0;
    while (k + 1 < raw.size() && (raw[k] == "--db" || raw[k] == "--content")) {
        leading.push_back(raw[k]);
        leading.push_back(raw[k + 1]);
        k += 2;
    }
    argv.assign(raw.begin() + static_cast<long>(k), raw.end());
    if (argv.empty() && !leading.empty()) {
        io.err << "trainer: a command is missing after " << leading.front() << " (see `trainer help`)\n";
        return 2;
    }
    if (argv.empty() || argv[0] == "help" || argv[0] == "--help" || argv[0] == "-h") {
        print_help(argv.empty() ? io.err : io.out);
        return argv.empty() ? 2 : 0;
    }
    if (argv[0] == "--version") {
        io.out << "trainer " << TRAINER_VERSION << "\n";
        return 0;
    }
    // The longest command name that prefixes the arguments wins ("fsrs replay" over "fsrs").
    const Command* cmd = nullptr;
    std::size_t words = 0;
    for (const auto& c : commands()) {
        std::size_t n = 1 + static_cast<std::size_t>(std::count(c.name.begin(), c.name.end(), ' '));
        if (n > argv.size() || n <= words) continue;
        std::string joined = argv[0];
        for (std::size_t i = 1; i < n; ++i) joined += " " + argv[i];
        if (joined == c.name) cmd = &c, words = n;
    }
    if (!cmd) {
        // "people" alone or "people lst": name the group's commands instead of calling the group
        // unknown. Whatever was typed is shown through the display escape (no terminal codes).
        std::vector<std::string> in_group;
        for (const auto& c : commands())
            if (c.name.starts_with(argv[0] + " ")) in_group.push_back(c.name.substr(argv[0].size() + 1));
        std::sort(in_group.begin(), in_group.end());
        std::string group_commands;
        for (const auto& name : in_group) group_commands += (group_commands.empty() ? "" : ", ") + name;
        if (group_commands.empty())
            io.err << "trainer: unknown command '" << printable(argv[0]) << "' (see `trainer help`)\n";
        else if (argv.size() < 2 || argv[1].starts_with("-"))
            io.err << "trainer: '" << printable(argv[0]) << "' needs one of its commands: " << group_commands
                   << " (e.g. `trainer " << printable(argv[0]) << " " << group_commands.substr(0, group_commands.find(','))
                   << " --help`)\n";
        else
            io.err << "trainer: unknown command '" << printable(argv[0] + " " + argv[1]) << "'; '"
                   << printable(argv[0]) << "' has: " << group_commands << " (see `trainer help`)\n";
        return 2;
    }
    try {
        std::vector<std::string> rest(argv.begin() + static_cast<long>(words), argv.end());
        rest.insert(rest.end(), leading.begin(), leading.end());
        Args a = parse(*cmd, rest);
        if (a.flag("help")) {
            io.out << "usage: " << cmd->usage << "\n" << cmd->summary << "\n";
            return 0;
        }
        // The organisation's days (config/organisation.json) for this command only.
        const ScopedOrgTimeZone zone(app::organisation_config_near(content_dir(a)).time_zone);
        return cmd->run(a, io);
    } catch (const UsageError& e) {
        io.err << "trainer " << cmd->name << ": " << printable(e.what()) << "\nusage: " << cmd->usage << "\n";
        return 2;
    } catch (const app::OrganisationConfigError& e) {
        io.err << "trainer " << cmd->name << ": the organisation config is refused:\n" << e.what() << "\n";
        return 1;
    } catch (const store::StoreError& e) {
        io.err << "trainer " << cmd->name << ": " << printable(e.what()) << "\n";
        return 1;
    } catch (const std::exception& e) { // nlohmann's errors included
        io.err << "trainer " << cmd->name << ": " << printable(e.what()) << "\n";
        return 1;
    }
}

} // namespace trainer::cli
