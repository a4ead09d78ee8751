# bench_sim_results: batchscope-sim serving 100k results (>= 200 MB) over loopback.
if(TARGET batchscope-sim)
    add_executable(bench_sim_results ${CMAKE_CURRENT_LIST_DIR}/bench_sim_results.cpp)
    target_link_libraries(bench_sim_results PRIVATE bs_defaults bs_testsupport Qt6::Core)
    add_dependencies(bench_sim_results batchscope-sim)
endif()
