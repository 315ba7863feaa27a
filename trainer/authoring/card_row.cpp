#include "trainer/authoring/card_row.hpp"

#include <nlohmann/json.hpp>

#include "trainer/content/model.hpp"

#include <algorithm>

namespace trainer::authoring {

using Json = nlohmann::ordered_json;

const std::vector<std::string>& card_columns() {
    static const std::vector<std::string> columns = [] {
        std::vector<std::string> out(std::begin(kCardFields), std::end(kCardFields));
        for (std::string_view locale : content::kLocales)
            for (std::string_view field : kTextFields)
                out.push_back(text_column(locale, field));
        return out;
    }();
    return columns;
}

std::size_t column_index(std::string_view name) {
    const auto& columns = card_columns();
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
}

std::string text_column(std::string_view locale, std::string_view field) {
    return std::string(locale) + " " + std::string(field);
}

std::string trim(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string> split_items(std::string_view cell, bool comma) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= cell.size(); ++i) {
        if (i < cell.size() && cell[i] != '\n' && !(comma && cell[i] == ',')) continue;
        std::string item = trim(cell.substr(start, i - start));
        if (!item.empty()) out.push_back(std::move(item));
        start = i + 1;
    }
    return out;
}

namespace {

std::string join(const Json& list, const char* sep) {
    std::string out;
    if (!list.is_array()) return out;
    for (const auto& item : list)
        if (item.is_string()) out += (out.empty() ? "" : sep) + item.get<std::string>();
    return out;
}

bool flag(const Json& card, const char* key) {
    auto it = card.find(key);
    return it != card.end() && it->is_boolean() && it->get<bool>();
}

// Sets or removes a boolean key: false stays absent where it was absent.
void set_flag(Json& card, const char* key, bool on) {
    if (on || card.contains(key)) card[key] = on;
}

bool is_list_field(std::string_view field) { return field == "phrasings" || field == "keywords"; }

} // namespace

CardRow card_to_row(const Json& card, const std::string& deck_id) {
    CardRow row;
    row.cells.resize(card_columns().size());
    row.at("id") = card.value("id", "");
    row.at("deck") = deck_id;
    if (auto v = card.find("version"); v != card.end() && v->is_number_integer())
        row.at("version") = std::to_string(v->get<long long>());
    std::string flags;
    if (flag(card, "moment_of_truth")) flags = "moment-of-truth";
    if (flag(card, "customer_effort")) flags += std::string(flags.empty() ? "" : ", ") + "customer-effort";
    row.at("flags") = flags;
    if (auto t = card.find("tags"); t != card.end()) row.at("tags") = join(*t, ", ");
    const auto text = card.find("text");
    if (text == card.end() || !text->is_object()) return row;
    for (std::string_view locale : content::kLocales) {
        auto l = text->find(std::string(locale));
        if (l == text->end() || !l->is_object()) continue;
        for (std::string_view field : kTextFields) {
            auto f = l->find(std::string(field));
            if (f == l->end()) continue;
            std::string& cell = row.at(text_column(locale, field));
            if (is_list_field(field))
                cell = join(*f, "\n");
            else if (f->is_string())
                cell = f->get<std::string>();
        }
    }
    return row;
}

void row_to_card(const CardRow& row, Json& card) {
    card["id"] = row.id();
    card["version"] = std::stoi(row.at("version"));
    const auto flags = split_items(row.at("flags"), true);
    const auto has = [&](std::string_view name) {
        return std::find(flags.begin(), flags.end(), name) != flags.end();
    };
    set_flag(card, "moment_of_truth", has("moment-of-truth"));
    set_flag(card, "customer_effort", has("customer-effort"));
    const auto tags = split_items(row.at("tags"), true);
    if (!tags.empty() || card.contains("tags")) card["tags"] = tags;
    Json& text = card["text"];
    if (!text.is_object()) text = Json::object();
    for (std::string_view locale : content::kLocales) {
        const std::string key(locale);
        bool any = false;
        for (std::string_view field : kTextFields)
            any = any || !trim(row.at(text_column(locale, field))).empty();
        if (!any) {
            text.erase(key);
            continue;
        }
        Json& l = text[key];
        if (!l.is_object()) l = Json::object();
        for (std::string_view field : kTextFields) {
            const std::string& cell = row.at(text_column(locale, field));
            const std::string name(field);
            if (trim(cell).empty())
                l.erase(name);
            else if (is_list_field(field))
                l[name] = split_items(cell, false);
            else
                l[name] = cell;
        }
    }
}

} // namespace trainer::authoring
