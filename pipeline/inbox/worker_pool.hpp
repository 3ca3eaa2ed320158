#pragma once
//! The inbox's workers: a fixed set of threads fed one job at a time. The dispatcher claims a
//! submission only when a worker is free to take it (wait_free), so nothing waits claimed in a
//! queue and a crash leaves at most one claimed submission per worker.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace pipeline::inbox {

template <class Job>
class WorkerPool {
 public:
  WorkerPool(unsigned count, std::function<void(Job)> task) : task_(std::move(task)), free_(count) {
    for (unsigned i = 0; i < count; ++i) threads_.emplace_back([this] { loop(); });
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  // Finishes every job handed over, then joins.
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  // Waits until a worker is free to take a job; false when `stop` is raised first.
  bool wait_free(const std::atomic<bool>& stop) {
    std::unique_lock lock(mutex_);
    while (free_ <= jobs_.size() && !stop) changed_.wait_for(lock, std::chrono::milliseconds(50));
    return !stop;
  }
  // Hands a job to the next free worker (call after wait_free).
  void hand(Job job) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    changed_.notify_all();
  }
  // No job waiting and every worker free.
  bool idle() {
    std::lock_guard lock(mutex_);
    return jobs_.empty() && free_ == threads_.size();
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      Job job = std::move(jobs_.front());
      jobs_.pop_front();
      --free_;
      lock.unlock();
      task_(std::move(job));
      lock.lock();
      ++free_;
      changed_.notify_all();
    }
  }

  std::function<void(Job)> task_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> jobs_;
  std::size_t free_;
  bool closing_ = false;
  std::vector<std::thread> threads_;  // last: started once the rest is ready
};

}  // namespace pipeline::inbox
