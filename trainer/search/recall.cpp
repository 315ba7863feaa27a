#include "trainer/search/recall.hpp"

#include <algorithm>
#include <fstream>

namespace trainer::search {

std::vector<LabelledQuery> read_query_set(const std::filesystem::path& path,
                                          std::string& problem) {
    problem.clear();
    std::vector<LabelledQuery> out;
    std::ifstream in(path);
    if (!in) {
        problem = path.string() + ": cannot be read";
        return out;
    }
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
            problem = path.string() + ":" + std::to_string(n) + ": expected query<TAB>ids";
            continue;
        }
        LabelledQuery q{line.substr(0, tab), {}, n};
        for (std::size_t pos = tab + 1; pos <= line.size();) {
            std::size_t end = line.find(',', pos);
            if (end == std::string::npos) end = line.size();
            if (end > pos) q.answers.push_back(line.substr(pos, end - pos));
            pos = end + 1;
        }
        out.push_back(std::move(q));
    }
    return out;
}

Recall measure_recall(const SearchIndex& index, const std::vector<LabelledQuery>& set,
                      std::string_view locale) {
    Recall r;
    for (const auto& q : set) {
        ++r.queries;
        const auto hits = index.search(q.query + " ", locale, 3);
        auto answered = [&](std::size_t k) {
            for (std::size_t i = 0; i < std::min(k, hits.size()); ++i)
                if (std::find(q.answers.begin(), q.answers.end(), hits[i].card_id) !=
                    q.answers.end())
                    return true;
            return false;
        };
        if (answered(1)) ++r.at1;
        if (answered(3)) {
            ++r.at3;
        } else {
            std::string got;
            for (const auto& h : hits)
                got += (got.empty() ? "" : ", ") + h.card_id;
            r.missed_at3.push_back(q.query + " -> " + q.answers.front() + " (got " + got + ")");
        }
    }
    return r;
}

} // namespace trainer::search
