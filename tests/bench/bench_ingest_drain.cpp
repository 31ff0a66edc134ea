// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Redis side of tests/bench/run-ingest-bench.sh (docs/benchmarks.md): counts the packets d4-server
// stored in the session streams (`stream:<type>:<session>` in the STREAM database) and, in steady
// mode, keeps them short the way D4 workers do, by trimming every stream to about --trim entries
// every --interval-ms. Trimmed entries stay counted, so "accepted" = trimmed + current lengths.
//
// Commands on stdin, one per line: `count` prints `count total=N streams=S trimmed=T`; `quit`
// or end of input stops the program.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <hiredis/hiredis.h>

#include <poll.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    int db = 4;
    std::string pattern = "stream:1:*";
    long long trim = 0; ///< 0: count only
    int intervalMs = 50;
};

void usage(std::FILE *out)
{
    std::fputs(
        "usage: bench_ingest_drain --port P [--host H] [--db N] [--pattern GLOB] [--trim N] [--interval-ms "
        "MS]\n"
        "  Counts entries d4-server stored in the Redis streams matching GLOB (default stream:1:*)\n"
        "  in database N (default 4, the STREAM role of the managed layout).\n"
        "  --trim N         every --interval-ms (default 50), XTRIM each stream to MAXLEN ~ N\n"
        "                   (like workers that XDEL what they read); 0 (default) only counts\n"
        "  stdin commands:  `count` -> `count total=<trimmed + current lengths> streams=S trimmed=T`;\n"
        "                   `quit` or EOF ends the program\n",
        out);
}

[[noreturn]] void die(const std::string &what)
{
    std::fprintf(stderr, "bench_ingest_drain: %s\n", what.c_str());
    std::exit(2);
}

long long toNumber(const char *option, const char *text, long long low, long long high)
{
    char *end = nullptr;
    const long long value = std::strtoll(text, &end, 10);
    if (end == text || *end != '\0' || value < low || value > high) {
        die(std::string(option) + ": '" + text + "' is out of range");
    }
    return value;
}

Options parseOptions(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            usage(stdout);
            std::exit(0);
        }
        if (i + 1 >= argc) {
            usage(stderr);
            die("missing value or unknown option: " + std::string(arg));
        }
        const char *value = argv[++i];
        if (arg == "--host") {
            o.host = value;
        } else if (arg == "--port") {
            o.port = static_cast<int>(toNumber("--port", value, 1, 65535));
        } else if (arg == "--db") {
            o.db = static_cast<int>(toNumber("--db", value, 0, 15));
        } else if (arg == "--pattern") {
            o.pattern = value;
        } else if (arg == "--trim") {
            o.trim = toNumber("--trim", value, 0, 1000000000);
        } else if (arg == "--interval-ms") {
            o.intervalMs = static_cast<int>(toNumber("--interval-ms", value, 1, 60000));
        } else {
            usage(stderr);
            die("unknown option: " + std::string(arg));
        }
    }
    if (o.port == 0) {
        usage(stderr);
        die("--port is required");
    }
    return o;
}

struct ReplyDeleter
{
    void operator()(redisReply *reply) const { freeReplyObject(reply); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

class Drain
{
public:
    explicit Drain(Options options)
        : m_options(std::move(options))
    {
        m_redis = redisConnect(m_options.host.c_str(), m_options.port);
        if (!m_redis || m_redis->err) {
            die("cannot connect to Redis " + m_options.host + ":" + std::to_string(m_options.port) + ": " +
                (m_redis ? m_redis->errstr : "out of memory"));
        }
        command({"SELECT", std::to_string(m_options.db)});
    }
    ~Drain() { redisFree(m_redis); }
    Drain(const Drain &) = delete;
    Drain &operator=(const Drain &) = delete;

    int run();

private:
    Reply command(const std::vector<std::string> &arguments);
    void pipeline(const std::vector<std::vector<std::string>> &commands, std::vector<Reply> &replies);
    void discover();
    void trim();
    void count();

    Options m_options;
    redisContext *m_redis = nullptr;
    std::vector<std::string> m_streams;
    unsigned long long m_trimmed = 0;
    Clock::time_point m_discovered;
};

Reply Drain::command(const std::vector<std::string> &arguments)
{
    std::vector<std::vector<std::string>> one{arguments};
    std::vector<Reply> replies;
    pipeline(one, replies);
    return std::move(replies.front());
}

void Drain::pipeline(const std::vector<std::vector<std::string>> &commands, std::vector<Reply> &replies)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const auto &arguments : commands) {
        argv.clear();
        lengths.clear();
        for (const std::string &argument : arguments) {
            argv.push_back(argument.data());
            lengths.push_back(argument.size());
        }
        redisAppendCommandArgv(m_redis, static_cast<int>(argv.size()), argv.data(), lengths.data());
    }
    replies.clear();
    for (std::size_t i = 0; i < commands.size(); ++i) {
        void *reply = nullptr;
        if (redisGetReply(m_redis, &reply) != REDIS_OK || !reply) {
            die(std::string("Redis: ") + m_redis->errstr);
        }
        replies.emplace_back(static_cast<redisReply *>(reply));
        if (replies.back()->type == REDIS_REPLY_ERROR) {
            die("Redis refused " + commands[i].front() + ": " +
                std::string(replies.back()->str, replies.back()->len));
        }
    }
}

void Drain::discover()
{
    m_streams.clear();
    std::string cursor = "0";
    do {
        const Reply page = command({"SCAN", cursor, "MATCH", m_options.pattern, "COUNT", "1000"});
        if (page->type != REDIS_REPLY_ARRAY || page->elements != 2) {
            die("unexpected SCAN reply");
        }
        cursor.assign(page->element[0]->str, page->element[0]->len);
        const redisReply *keys = page->element[1];
        for (std::size_t i = 0; i < keys->elements; ++i) {
            m_streams.emplace_back(keys->element[i]->str, keys->element[i]->len);
        }
    } while (cursor != "0");
    m_discovered = Clock::now();
}

void Drain::trim()
{
    // New sessions appear while the load runs; look for them twice a second.
    if (Clock::now() - m_discovered > std::chrono::milliseconds(500)) {
        discover();
    }
    if (m_streams.empty()) {
        return;
    }
    std::vector<std::vector<std::string>> commands;
    commands.reserve(m_streams.size());
    const std::string limit = std::to_string(m_options.trim);
    for (const std::string &stream : m_streams) {
        commands.push_back({"XTRIM", stream, "MAXLEN", "~", limit});
    }
    std::vector<Reply> replies;
    pipeline(commands, replies);
    for (const Reply &reply : replies) {
        if (reply->type == REDIS_REPLY_INTEGER) {
            m_trimmed += static_cast<unsigned long long>(reply->integer);
        }
    }
}

void Drain::count()
{
    discover();
    unsigned long long current = 0;
    if (!m_streams.empty()) {
        std::vector<std::vector<std::string>> commands;
        commands.reserve(m_streams.size());
        for (const std::string &stream : m_streams) {
            commands.push_back({"XLEN", stream});
        }
        std::vector<Reply> replies;
        pipeline(commands, replies);
        for (const Reply &reply : replies) {
            if (reply->type == REDIS_REPLY_INTEGER) {
                current += static_cast<unsigned long long>(reply->integer);
            }
        }
    }
    std::printf("count total=%llu streams=%zu trimmed=%llu\n", m_trimmed + current, m_streams.size(),
                m_trimmed);
    std::fflush(stdout);
}

int Drain::run()
{
    discover();
    std::string input;
    auto nextTrim = Clock::now();
    for (;;) {
        int timeout = -1;
        if (m_options.trim > 0) {
            const auto wait =
                std::chrono::duration_cast<std::chrono::milliseconds>(nextTrim - Clock::now()).count();
            timeout = static_cast<int>(std::max<long long>(0, wait));
        }
        pollfd in{STDIN_FILENO, POLLIN, 0};
        const int ready = poll(&in, 1, timeout);
        if (ready < 0 && errno != EINTR) {
            die(std::string("poll: ") + std::strerror(errno));
        }
        if (ready > 0) {
            char buffer[256];
            const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (got <= 0) {
                return 0;
            }
            input.append(buffer, static_cast<std::size_t>(got));
            std::size_t end;
            while ((end = input.find('\n')) != std::string::npos) {
                const std::string line = input.substr(0, end);
                input.erase(0, end + 1);
                if (line == "count") {
                    count();
                } else if (line == "quit") {
                    return 0;
                } else if (!line.empty()) {
                    std::fprintf(stderr, "bench_ingest_drain: unknown command '%s'\n", line.c_str());
                }
            }
        }
        if (m_options.trim > 0 && Clock::now() >= nextTrim) {
            trim();
            nextTrim = Clock::now() + std::chrono::milliseconds(m_options.intervalMs);
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    Drain drain(parseOptions(argc, argv));
    return drain.run();
}
