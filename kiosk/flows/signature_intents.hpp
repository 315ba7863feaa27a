#pragma once
// The signature flow's intents (kiosk/flows/signature_flow.hpp): a form (a sign-off, a QA
// evaluation) is complete and asks for the lead's PIN, or the PIN pad is left.
#include <variant>

namespace kiosk {

struct BeginSignature {};
struct CancelSignature {};

using SignatureIntent = std::variant<BeginSignature, CancelSignature>;

} // namespace kiosk
