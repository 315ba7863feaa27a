#pragma once
// Where the LRS is and how to sign in to it (README "Sending statements to an LRS"). The secret
// never travels on the command line: a URL with user:password@ is refused, and credentials come
// from a file (first line "key:secret", mode 0600 advised) or the environment.
#include "trainer/xapi/lrs_client.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::xapi {

class LrsSettingsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The xAPI endpoint as given, checked and normalised: http or https, a host, no credentials,
// query or fragment; trailing slashes and a trailing "/statements" dropped.
std::string normalise_endpoint(const std::string& url);

// Credentials from `auth_file` when given, else TRAINER_LRS_KEY and TRAINER_LRS_SECRET.
// `warnings` gets a line when the file is readable by others than its owner.
LrsCredentials read_credentials(const std::filesystem::path* auth_file, std::vector<std::string>& warnings);

} // namespace trainer::xapi
