# bench_ingest: ResultIngestor on 20k and 100k results (~2 KB lines) from batchscope-sim, against
# the official TypeScript SDK iterating batches.results() of the same batch.
if(TARGET batchscope-sim AND TARGET bs_ingest_testsupport)
    add_executable(bench_ingest ${CMAKE_CURRENT_LIST_DIR}/bench_ingest.cpp)
    target_link_libraries(bench_ingest PRIVATE bs_defaults bs_core bs_ingest_testsupport
        bs_testsupport Qt6::Core)
    target_compile_definitions(bench_ingest PRIVATE
        BS_SDK_RESULTS_SCRIPT="${CMAKE_CURRENT_LIST_DIR}/sdk_results.mjs"
        BS_DEFAULT_NODE_MODULES="${PROJECT_SOURCE_DIR}/.cache/node/node_modules")
    add_dependencies(bench_ingest batchscope-sim)
endif()
