#pragma once
// The organisation's PIN key (SECURITY.md "PIN storage"): 32 random bytes kept OUTSIDE the
// database, mixed into every PIN before Argon2id (keyed BLAKE2b), so a stolen database file or
// backup alone does not let anyone try the 10^4..10^8 PINs offline.
//
// File: `<database>.pinkey` beside the database (or $TRAINER_PIN_KEY), mode 0600, one key per
// line as 64 hex digits; the first line is the current key, later lines are older keys kept
// for hashes made before a rotation. The key is per ORGANISATION: copy the same file to every
// device of the organisation (PIN hashes travel between devices as events).
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace trainer::identity {

struct PinKey {
    std::array<unsigned char, 32> bytes{};
    std::string id() const; // 8 hex digits naming the key inside stored hashes
};

struct PinKeyring {
    std::vector<PinKey> keys; // keys[0] is current
    const PinKey* find(const std::string& id) const;
};

// `<db>.pinkey`, or $TRAINER_PIN_KEY when set.
std::filesystem::path pin_key_path(const std::filesystem::path& db_path);

// Reads the key file; creates one with a fresh key (mode 0600) when absent and `create`.
// nullopt when absent and not created. std::runtime_error naming the file when it is malformed.
// `warning` receives a sentence when the file's mode is broader than 0600.
std::optional<PinKeyring> load_pin_keyring(const std::filesystem::path& file, bool create,
                                           std::string* warning = nullptr);
// Puts a new current key in front of the others (old hashes keep verifying; each is upgraded
// to the new key at its owner's next sign-in). Returns the new key's id.
std::string rotate_pin_key(const std::filesystem::path& file);

// The keyring PIN hashing uses in this process (the CLI and the kiosk install it right after
// opening the database); none installed: plain Argon2id, as before the key existed.
void install_pin_keyring(std::optional<PinKeyring> ring);
// Loads (creating when `create`) and installs the key beside `db_path`; returns sentences for
// the person (key missing, mode too broad). The CLI and the kiosk call it after opening.
std::vector<std::string> install_pin_key_for(const std::filesystem::path& db_path, bool create);
std::shared_ptr<const PinKeyring> installed_pin_keyring();

} // namespace trainer::identity
