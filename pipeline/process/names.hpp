#pragma once
//! File names as formpipe records and prints them. A Linux file name is any byte sequence
//! without '/' and NUL, so it may be invalid UTF-8 or hold a newline; the report, the record
//! store, the compliance summary and the logs carry it escaped, one line of valid UTF-8, and
//! the escape can be undone to get the exact bytes back (docs/inbox.md, "File names"):
//!
//!   \\       a backslash
//!   \xHH     the byte HH (two upper-case hex digits): a byte that is not part of well-formed
//!            UTF-8, or a C0 control character (U+0000–U+001F) or DEL (U+007F)
//!   \uHHHH   the character U+HHHH (four upper-case hex digits): a C1 control (U+0080–U+009F),
//!            the line and paragraph separators U+2028 and U+2029, and the bidirectional
//!            embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069
//!
//! Every other character is kept as it is, so ordinary names (accents, spaces, any script) do
//! not change.

#include <optional>
#include <string>
#include <string_view>

namespace pipeline::process {

// The escaped form of a name (reversible: unescape_name gives the bytes back).
std::string escape_name(std::string_view bytes);
// The bytes of an escaped name; nullopt when `escaped` is not something escape_name writes
// (a lone backslash, an unknown escape, short hex digits).
std::optional<std::string> unescape_name(std::string_view escaped);
// Free text (a message that may quote a name) made one line of valid UTF-8: the same escapes
// as escape_name except that backslashes are kept as they are (not reversible).
std::string printable_text(std::string_view bytes);
// Whether printable_text would return `bytes` unchanged.
bool is_printable_text(std::string_view bytes);

}  // namespace pipeline::process
