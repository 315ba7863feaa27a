#include "trainer/quality/name_uuid.hpp"

#include "trainer/core/uuid.hpp"

#include <stdexcept>

namespace trainer::quality {

namespace {

std::uint32_t rotl(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::array<std::uint8_t, 20> sha1(std::string_view data) {
    std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::string msg(data);
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    msg += static_cast<char>(0x80);
    while (msg.size() % 64 != 56)
        msg += '\0';
    for (int i = 7; i >= 0; --i)
        msg += static_cast<char>((bits >> (8 * i)) & 0xFF);
    for (std::size_t off = 0; off < msg.size(); off += 64) {
        std::uint32_t w[80];
        for (int i = 0; i < 16; ++i) {
            const auto b = [&](int k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(msg[off + 4 * i + k])); };
            w[i] = (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
        }
        for (int i = 16; i < 80; ++i)
            w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int i = 0; i < 80; ++i) {
            std::uint32_t f, k;
            if (i < 20)
                f = (b & c) | (~b & d), k = 0x5A827999;
            else if (i < 40)
                f = b ^ c ^ d, k = 0x6ED9EBA1;
            else if (i < 60)
                f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
            else
                f = b ^ c ^ d, k = 0xCA62C1D6;
            const std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
            e = d, d = c, c = rotl(b, 30), b = a, a = t;
        }
        h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
    }
    std::array<std::uint8_t, 20> out{};
    for (int i = 0; i < 20; ++i)
        out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
    return out;
}

std::string sha1_hex(std::string_view data) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (auto b : sha1(data))
        s += kHex[b >> 4], s += kHex[b & 15];
    return s;
}

std::string uuid_v5(std::string_view ns, std::string_view name) {
    if (!is_uuid(ns)) throw std::invalid_argument("not a UUID: " + std::string(ns));
    std::string bytes;
    for (std::size_t i = 0; i < ns.size(); ++i) {
        if (ns[i] == '-') continue;
        bytes += static_cast<char>(hex_value(ns[i]) * 16 + hex_value(ns[i + 1]));
        ++i;
    }
    auto h = sha1(bytes + std::string(name));
    h[6] = static_cast<std::uint8_t>((h[6] & 0x0F) | 0x50); // version 5
    h[8] = static_cast<std::uint8_t>((h[8] & 0x3F) | 0x80); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
        s += kHex[h[i] >> 4], s += kHex[h[i] & 15];
    }
    return s;
}

} // namespace trainer::quality
