#include "trainer/authoring/deck_files.hpp"

// [SECTION] Writing a deck as the bundled files are written
// [SECTION] Reading the deck files
// [SECTION] Commit: check on a copy, then replace the changed files

#include "trainer/content/loader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace trainer::authoring {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// [SECTION] Writing a deck as the bundled files are written ---------------------------------

namespace {

void print(std::ostream& out, const Json& v, int indent, bool inline_array) {
    const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
    const std::string inner(static_cast<std::size_t>(indent + 1) * 2, ' ');
    if (v.is_object() && !v.empty()) {
        out << "{\n";
        bool first = true;
        for (const auto& [key, value] : v.items()) {
            out << (first ? "" : ",\n") << inner << Json(key).dump() << ": ";
            print(out, value, indent + 1, key == "keywords");
            first = false;
        }
        out << "\n" << pad << "}";
    } else if (v.is_array() && !v.empty() && !inline_array) {
        out << "[\n";
        bool first = true;
        for (const auto& value : v) {
            out << (first ? "" : ",\n") << inner;
            print(out, value, indent + 1, false);
            first = false;
        }
        out << "\n" << pad << "]";
    } else if (v.is_array() && !v.empty()) {
        out << "[";
        bool first = true;
        for (const auto& value : v) {
            out << (first ? "" : ", ") << value.dump(-1, ' ', false);
            first = false;
        }
        out << "]";
    } else {
        out << v.dump(-1, ' ', false);
    }
}

} // namespace

std::string format_deck(const Json& doc) {
    std::ostringstream out;
    print(out, doc, 0, false);
    out << "\n";
    return out.str();
}

// [SECTION] Reading the deck files ----------------------------------------------------------

struct DeckFiles::Impl {
    fs::path dir;
    struct File {
        fs::path path;
        Json doc;
        std::string deck_id;
    };
    std::vector<File> files;
    std::vector<CardRow> rows;
    std::vector<std::string> deck_ids;
};

DeckFiles DeckFiles::load(const fs::path& dir) {
    auto impl = std::make_shared<Impl>();
    impl->dir = dir;
    std::error_code ec;
    if (!fs::is_directory(dir / "decks", ec))
        throw AuthoringError((dir / "decks").string() + ": no decks folder");
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir / "decks", ec))
        if (entry.path().extension() == ".json") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        Json doc = Json::parse(in, nullptr, false);
        if (doc.is_discarded() || !doc.is_object() || !doc.contains("id") ||
            !doc["id"].is_string() || !doc.contains("cards") || !doc["cards"].is_array())
            throw AuthoringError(path.string() + ": not a readable deck; run `trainer content validate` "
                                                 "and fix it first");
        Impl::File file{path, std::move(doc), ""};
        file.deck_id = file.doc["id"].get<std::string>();
        impl->deck_ids.push_back(file.deck_id);
        for (const auto& card : file.doc["cards"])
            if (card.is_object()) impl->rows.push_back(card_to_row(card, file.deck_id));
        impl->files.push_back(std::move(file));
    }
    DeckFiles out;
    out.impl_ = std::move(impl);
    return out;
}

const std::vector<CardRow>& DeckFiles::rows() const { return impl_->rows; }
const std::vector<std::string>& DeckFiles::deck_ids() const { return impl_->deck_ids; }

const CardRow* DeckFiles::find(std::string_view id) const {
    for (const auto& row : impl_->rows)
        if (row.id() == id) return &row;
    return nullptr;
}

// [SECTION] Commit: check on a copy, then replace the changed files --------------------------

namespace {

// The column a loader's JSON pointer inside a card points at ("/text/pl/back/0" → "pl back").
std::string column_of(const std::string& rest) {
    std::vector<std::string> parts;
    std::stringstream ss(rest);
    for (std::string part; std::getline(ss, part, '/');)
        if (!part.empty()) parts.push_back(part);
    if (parts.empty()) return "";
    if (parts[0] == "text" && parts.size() >= 3) return text_column(parts[1], parts[2]);
    if (parts[0] == "moment_of_truth" || parts[0] == "customer_effort") return "flags";
    if (parts[0] == "version" || parts[0] == "tags" || parts[0] == "id") return parts[0];
    return "";
}

fs::path temp_dir() {
    std::random_device rd;
    return fs::temp_directory_path() / ("trainer-import-" + std::to_string(rd()) + std::to_string(rd()));
}

void write_file(const fs::path& path, const std::string& data) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << data;
    out.flush();
    if (!out) throw AuthoringError(path.string() + ": cannot write");
}

} // namespace

CommitResult DeckFiles::commit(const std::vector<CardRow>& rows, const PlaceOf& place,
                               bool dry_run) const {
    CommitResult result;
    std::map<std::string, const CardRow*> old_rows;
    for (const auto& row : impl_->rows) old_rows[row.id()] = &row;
    std::set<std::string> changed_cards;
    for (const auto& row : rows) {
        auto it = old_rows.find(row.id());
        if (it == old_rows.end() || it->second->cells != row.cells) changed_cards.insert(row.id());
    }

    // The new documents, and which card sits at which index of which file.
    std::vector<std::pair<const Impl::File*, std::string>> changed; // file, new text
    std::map<std::string, std::vector<std::string>> ids_in_file;    // file name → card ids
    for (const auto& file : impl_->files) {
        std::map<std::string, const Json*> old_cards;
        for (const auto& card : file.doc["cards"])
            if (card.is_object() && card.contains("id") && card["id"].is_string())
                old_cards[card["id"].get<std::string>()] = &card;
        Json doc = file.doc;
        Json cards = Json::array();
        auto& ids = ids_in_file[file.path.filename().string()];
        for (const auto& row : rows) {
            if (row.deck() != file.deck_id) continue;
            auto old = old_cards.find(row.id());
            Json card = old == old_cards.end() ? Json::object() : *old->second;
            row_to_card(row, card);
            cards.push_back(std::move(card));
            ids.push_back(row.id());
        }
        doc["cards"] = std::move(cards);
        if (doc != file.doc) changed.emplace_back(&file, format_deck(doc));
    }
    if (changed.empty()) return result;

    const fs::path tmp = temp_dir();
    struct Cleanup {
        fs::path p;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(p, ec);
        }
    } cleanup{tmp};
    fs::copy(impl_->dir, tmp, fs::copy_options::recursive);
    for (const auto& [file, text] : changed)
        write_file(tmp / "decks" / file->path.filename(), text);

    const content::LoadResult loaded = content::load_content(tmp);
    for (const auto& d : loaded.diagnostics) {
        const fs::path where(d.file);
        const std::string name = where.filename().string();
        const bool in_deck = where.parent_path().filename() == "decks";
        std::string card_id, column;
        if (in_deck && d.pointer.rfind("/cards/", 0) == 0) {
            const std::string rest = d.pointer.substr(7);
            const std::size_t slash = rest.find('/');
            const std::size_t index = static_cast<std::size_t>(std::stoul(rest.substr(0, slash)));
            const auto& ids = ids_in_file[name];
            if (index < ids.size()) card_id = ids[index];
            if (slash != std::string::npos) column = column_of(rest.substr(slash));
        }
        const bool error = d.severity == content::Severity::Error;
        if (!error && (card_id.empty() || changed_cards.count(card_id) == 0)) continue; // old news
        Finding f{error, "", d.message};
        if (!card_id.empty())
            f.where = place(card_id, column);
        else
            f.where = (fs::path(impl_->dir) / fs::relative(where, tmp)).string() +
                      (d.pointer.empty() ? "" : " " + d.pointer);
        result.findings.push_back(std::move(f));
    }
    if (!result.ok() || dry_run) return result;

    // Every new file is complete on disk before the first one replaces its deck.
    std::vector<std::pair<fs::path, fs::path>> renames;
    for (const auto& [file, text] : changed) {
        fs::path part = file->path;
        part += ".import-partial";
        write_file(part, text);
        renames.emplace_back(part, file->path);
    }
    for (const auto& [from, to] : renames) {
        fs::rename(from, to);
        result.changed_files.push_back(to.string());
    }
    result.written = true;
    return result;
}

} // namespace trainer::authoring
