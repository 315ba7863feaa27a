#include "trainer/content/loader.hpp"

#include "trainer/content/kinds.hpp"

#include "trainer/content/deck_parser.hpp"
#include "trainer/content/json_folder.hpp"
#include "trainer/content/json_source.hpp"


#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace trainer::content {

namespace {

namespace fs = std::filesystem;

// Where an id was first defined, so a duplicate can name both places.
struct Origin {
    std::string file;
    int line = 0, column = 0;
    std::string where() const {
        return file + ":" + std::to_string(line) + ":" + std::to_string(column);
    }
};

// The deck files of dir/decks, sorted by name; anything unusable there is reported, not skipped.
std::vector<fs::path> deck_files(const fs::path& dir, std::vector<Diagnostic>& out) {
    std::vector<fs::path> files;
    const fs::path decks = dir / "decks";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        out.push_back(whole_file(dir.string(), "content folder not found"));
        return files;
    }
    if (!fs::is_directory(decks, ec)) {
        out.push_back(whole_file(decks.string(), "decks folder not found"));
        return files;
    }
    const auto listed = json_files(decks, "decks", out);
    if (!listed) return files;
    files = *listed;
    if (files.empty())
        out.push_back(whole_file(decks.string(), "no deck files (*.json) found"));
    return files;
}

// Ids seen so far across files, so a duplicate can name both places.
struct Registry {
    std::unordered_map<std::string, Origin> decks, cards;
    std::unordered_map<int, std::string> order_owner;
};

void read_deck_file(const fs::path& path, Registry& seen, ContentSet& set, LoadResult& r) {
    const JsonSource src = JsonSource::from_file(path, path.string());
    r.diagnostics.insert(r.diagnostics.end(), src.diagnostics().begin(), src.diagnostics().end());
    if (!src.parsed()) return;
    auto parsed = parse_deck(src, r.diagnostics);
    if (!parsed) return;

    const Deck& deck = parsed->deck;
    const TextPosition at = src.position_of("/id");
    if (auto [it, fresh] = seen.decks.emplace(deck.id, Origin{src.file(), at.line, at.column});
        !fresh) {
        r.diagnostics.push_back(src.diagnostic(Severity::Error, "/id",
                                               "duplicate deck id '" + deck.id +
                                                   "', already used at " + it->second.where()));
        return;
    }
    if (auto [it, fresh] = seen.order_owner.emplace(deck.order, deck.id); !fresh)
        r.diagnostics.push_back(src.diagnostic(Severity::Warning, "/order",
                                               "order " + std::to_string(deck.order) +
                                                   " is also used by deck '" + it->second +
                                                   "'; such decks are shown by file name"));
    ++r.counts["decks"];
    for (const auto& locale : parsed->complete_locales)
        ++r.complete_text["decks"][locale];

    for (auto& pc : parsed->cards) {
        const std::string id_pointer = pc.pointer + "/id";
        const TextPosition cat = src.position_of(id_pointer);
        if (auto [it, fresh] =
                seen.cards.emplace(pc.card.id, Origin{src.file(), cat.line, cat.column});
            !fresh) {
            r.diagnostics.push_back(src.diagnostic(Severity::Error, id_pointer,
                                                   "duplicate card id '" + pc.card.id +
                                                       "', already used at " + it->second.where()));
            continue;
        }
        ++r.counts["cards"];
        for (const auto& locale : pc.complete_locales)
            ++r.complete_text["cards"][locale];
        set.cards.push_back(std::move(pc.card));
    }
    set.decks.push_back(std::move(parsed->deck));
}

} // namespace

int LoadResult::error_count() const {
    return count_of(diagnostics, Severity::Error);
}
int LoadResult::warning_count() const {
    return count_of(diagnostics, Severity::Warning);
}

LoadResult load_content(const fs::path& dir) {
    LoadResult r;
    for (const char* kind : {"decks", "cards"}) {
        r.counts[kind] = 0;
        for (std::string_view locale : kLocales)
            r.complete_text[kind][std::string(locale)] = 0;
    }

    auto set = std::make_shared<ContentSet>();
    Registry seen;
    for (const fs::path& path : deck_files(dir, r.diagnostics)) {
        ++r.files;
        const auto first = static_cast<std::ptrdiff_t>(r.diagnostics.size());
        read_deck_file(path, seen, *set, r);
        // Within a file, findings read top to bottom (whole-file notes, line 0, come first).
        std::stable_sort(r.diagnostics.begin() + first, r.diagnostics.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                             return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                         });
    }
    // Decks follow the customer journey; equal orders keep file-name order (stable sort).
    std::stable_sort(set->decks.begin(), set->decks.end(),
                     [](const Deck& a, const Deck& b) { return a.order < b.order; });
    std::unordered_map<std::string, std::size_t> deck_rank;
    for (std::size_t i = 0; i < set->decks.size(); ++i)
        deck_rank[set->decks[i].id] = i;
    std::stable_sort(set->cards.begin(), set->cards.end(), [&](const Card& a, const Card& b) {
        return deck_rank[a.deck_id] < deck_rank[b.deck_id];
    });
    for (std::size_t i = 0; i < set->cards.size(); ++i)
        set->card_index.emplace(set->cards[i].id, i);
    // Later kinds may link to cards (and to each other), so they load after the decks.
    load_onboarding(dir, *set, r);
    load_change(dir, *set, r);
    load_quality(dir, *set, r);
    load_rules(dir, *set, r);
    if (!r.ok()) return r;
    r.content = std::move(set);
    return r;
}

} // namespace trainer::content
