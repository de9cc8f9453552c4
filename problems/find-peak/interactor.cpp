// Interactor of find-peak, testlib-style (Codeforces): `interactor input output answer`, talking
// to the program on stdin/stdout; exit 0 accepted, 1 wrong answer, 2 presentation error (a
// malformed or missing line), 3 failure (a malformed input file: a judge error). Messages go
// to stderr. `output` gets the number of questions asked; the answer file is not read.
//
// The input file is `n`, then either the n distinct values of the hidden array, or
// `gen SHAPE SEED` (SHAPE: random, up, down or mountain) for an array built here, so that a
// large test stays a small file.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

enum Exit { OK = 0, WA = 1, PE = 2, FAIL = 3 };
static const int MAX_QUESTIONS = 50;

[[noreturn]] static void quit(Exit code, const std::string &message) {
    std::cerr << message << std::endl;
    std::exit(code);
}

static uint64_t state;
static uint64_t next_random() {  // xorshift64*
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ULL;
}

static std::vector<int64_t> build(int64_t n, const std::string &shape, uint64_t seed) {
    std::vector<int64_t> a(n + 2);
    state = seed * 0x9E3779B97F4A7C15ULL + 1;
    if (shape == "up" || shape == "down" || shape == "random") {
        for (int64_t i = 1; i <= n; i++) a[i] = shape == "down" ? n + 1 - i : i;
        if (shape == "random")
            for (int64_t i = n; i > 1; i--) std::swap(a[i], a[1 + next_random() % i]);
    } else if (shape == "mountain") {  // one peak, at p: the only answer
        int64_t p = 1 + next_random() % n;
        for (int64_t i = 1; i <= n; i++) a[i] = i <= p ? 2 * i : 2 * p - 2 * (i - p) + 1;
    } else {
        quit(FAIL, "input file: unknown shape " + shape);
    }
    return a;
}

static std::vector<int64_t> read_array(const char *path) {
    std::ifstream input(path);
    int64_t n;
    std::string first;
    if (!(input >> n) || n < 1 || n > 1000000 || !(input >> first))
        quit(FAIL, "input file: expected n (1..10^6) and the array");
    if (first == "gen") {
        std::string shape;
        uint64_t seed;
        if (!(input >> shape >> seed)) quit(FAIL, "input file: expected gen SHAPE SEED");
        return build(n, shape, seed);
    }
    std::vector<int64_t> a(n + 2);
    std::unordered_set<int64_t> seen;
    a[1] = std::stoll(first);
    for (int64_t i = 2; i <= n; i++)
        if (!(input >> a[i])) quit(FAIL, "input file: fewer than n values");
    for (int64_t i = 1; i <= n; i++)
        if (!seen.insert(a[i]).second) quit(FAIL, "input file: values are not distinct");
    return a;
}

int main(int argc, char **argv) {
    if (argc < 4) quit(FAIL, "usage: interactor input output answer");
    std::vector<int64_t> a = read_array(argv[1]);
    int64_t n = (int64_t)a.size() - 2;
    std::ofstream output(argv[2]);
    std::cout << n << std::endl;
    int asked = 0;
    std::string kind;
    int64_t index;
    while (true) {
        if (!(std::cin >> kind)) quit(PE, "the program ended without answering");
        if ((kind != "?" && kind != "!") || !(std::cin >> index))
            quit(PE, "expected '? i' or '! i', got " + kind.substr(0, 40));
        if (index < 1 || index > n)
            quit(WA, "index " + std::to_string(index) + " is outside 1.." + std::to_string(n));
        if (kind == "!") {
            bool left = index == 1 || a[index] > a[index - 1];
            bool right = index == n || a[index] > a[index + 1];
            output << asked << std::endl;
            if (left && right) quit(OK, "a peak at " + std::to_string(index));
            quit(WA, "position " + std::to_string(index) + " is not a peak");
        }
        if (++asked > MAX_QUESTIONS) quit(WA, "more than 50 questions");
        std::cout << a[index] << std::endl;
    }
}
