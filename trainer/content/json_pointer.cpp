// RFC 6901 JSON pointers: appending a key or an index (split from json_source.cpp).
#include "trainer/content/json_pointer.hpp"

namespace trainer::content {

std::string pointer_append(const std::string& parent, std::string_view key) {
    std::string out = parent + '/';
    for (char ch : key) {
        if (ch == '~')
            out += "~0";
        else if (ch == '/')
            out += "~1";
        else
            out += ch;
    }
    return out;
}

std::string pointer_append(const std::string& parent, std::size_t index) {
    return parent + '/' + std::to_string(index);
}

} // namespace trainer::content
