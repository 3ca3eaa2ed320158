#pragma once
//! The reviewers' desk under load (issue 14): `formpipe serve` on a loopback port over a record
//! store of many submissions, with concurrent signed-in clients asking for the submissions list
//! (filters and paging) and submission pages for a fixed time. Bounded: the clients stop at the
//! deadline, then the server is stopped with SIGTERM (SIGKILL if it does not stop).

#include <cstddef>
#include <filesystem>
#include <string>

namespace bench {

struct DeskLoad {
  std::size_t submissions = 100000;  // rows in the store
  std::size_t templates = 60;        // real submissions (`formpipe run`) the rows are cloned from
  int clients = 50;
  double seconds = 20;
};

struct DeskResult {
  std::string error;  // why it could not be measured; "" when it was
  std::size_t requests = 0;
  std::size_t errors = 0;
  std::string first_error;
  double seconds = 0;  // the measured window (wall clock)
  double p50_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
  double list_p99_ms = 0;
  double detail_p99_ms = 0;
  double peak_rss_mb = 0;    // the server's VmHWM, sign-ins included
  double server_cpu_ms = 0;  // the server's CPU time (user + system) a request in the window
  double setup_seconds = 0;
};

// Fills `work`/desk-out (a `formpipe run` of generated submissions, then the rows cloned in one
// SQL transaction), adds a user with `formpipe user add`, starts `formpipe serve` and loads it.
DeskResult desk_load(const std::filesystem::path& formpipe, const std::filesystem::path& work,
                     const DeskLoad& load);

}  // namespace bench
