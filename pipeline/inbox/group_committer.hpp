#pragma once
//! Group commit (docs/inbox.md, "Durable results"): workers hand over staged submissions, and one
//! thread commits whatever has gathered while it committed the last group, so one flush of the
//! file system and one store transaction serve all of them. Groups grow when flushing is slow and
//! shrink to one when the inbox is quiet, so nothing waits longer than one flush. `submit` blocks
//! while `limit` items wait, which bounds memory.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace pipeline::inbox {

template <class Item>
class GroupCommitter {
 public:
  GroupCommitter(std::size_t limit, std::function<void(std::vector<Item>&)> commit)
      : commit_(std::move(commit)), limit_(limit), thread_([this] { loop(); }) {}
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;
  // Commits everything handed over, then joins.
  ~GroupCommitter() {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // Queues an item for the next group; blocks while `limit` items wait.
  void submit(Item item) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return waiting_.size() < limit_; });
    waiting_.push_back(std::move(item));
    changed_.notify_all();
  }
  // Nothing waiting and no group being committed.
  bool idle() {
    std::lock_guard lock(mutex_);
    return waiting_.empty() && !committing_;
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return closing_ || !waiting_.empty(); });
      if (waiting_.empty()) return;
      std::vector<Item> group;
      group.swap(waiting_);
      committing_ = true;
      changed_.notify_all();  // room for more
      lock.unlock();
      commit_(group);
      lock.lock();
      committing_ = false;
    }
  }

  std::function<void(std::vector<Item>&)> commit_;
  const std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Item> waiting_;
  bool committing_ = false;
  bool closing_ = false;
  std::thread thread_;  // last: started once the rest is ready
};

}  // namespace pipeline::inbox
