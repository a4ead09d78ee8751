# bench_console: the console on a generated ledger of 10,000 batches and 1,000,000 results: the
# real batchscope binary's first frame with rows (offscreen), and the GUI thread's longest stall
# while 100,000 results are ingested from batchscope-sim and the poller runs.
if(TARGET batchscope-sim AND TARGET bs_ingest_testsupport AND TARGET batchscope)
    add_executable(bench_console ${CMAKE_CURRENT_LIST_DIR}/bench_console.cpp)
    target_link_libraries(bench_console PRIVATE bs_defaults bs_ui bs_ingest_testsupport
        bs_testsupport)
    target_compile_definitions(bench_console PRIVATE BS_CONSOLE_PATH="$<TARGET_FILE:batchscope>")
    add_dependencies(bench_console batchscope batchscope-sim)
endif()
