// How many wx calls per second the core answers on one thread, from
// invoke() to the reply callback, with the host state in memory.
// Results and how to run: docs/BENCHMARKS.md.

#include "api/apicore.h"
#include "host/clock.h"
#include "host/hoststatestore.h"

#include <benchmark/benchmark.h>

using namespace mpsim::core;

namespace {

struct Core
{
    ManualClock clock;
    HostStateStore store;
    ApiCore core{store, clock};
    CallContext context{"wxbenchmark000001", "pages/index/index", false};
};

void run(benchmark::State &state, Core &fixture, const char *api, const nlohmann::json &args)
{
    std::int64_t failures = 0;
    for (auto _ : state) {
        fixture.core.invoke(api, args, fixture.context, [&](ApiReply reply) {
            failures += !reply.ok;
            benchmark::DoNotOptimize(reply);
        });
    }
    if (failures != 0)
        state.SkipWithError("a call failed");
    state.SetItemsProcessed(state.iterations());
    state.counters["calls/s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

void getSetting(benchmark::State &state)
{
    Core fixture;
    fixture.store.state(fixture.context.appid).setScope("scope.camera", ScopeState::Granted);
    fixture.store.state(fixture.context.appid).setScope("scope.record", ScopeState::Denied);
    run(state, fixture, "getSetting", nlohmann::json::object());
}

void login(benchmark::State &state)
{
    Core fixture;
    run(state, fixture, "login", nlohmann::json::object());
}

void authorizeGranted(benchmark::State &state)
{
    Core fixture;
    fixture.store.state(fixture.context.appid).setScope("scope.userLocation", ScopeState::Granted);
    run(state, fixture, "authorize", {{"scope", "scope.userLocation"}});
}

} // namespace

BENCHMARK(getSetting);
BENCHMARK(login);
BENCHMARK(authorizeGranted);

BENCHMARK_MAIN();
