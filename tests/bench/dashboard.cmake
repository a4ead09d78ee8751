# bench_dashboard: the spend dashboard's first draw on a generated ledger of 1,000,000 results
# over a year, from the request to the painted charts (offscreen), against the same figures
# from a scan of `results`.
if(TARGET bs_ui)
    add_executable(bench_dashboard ${CMAKE_CURRENT_LIST_DIR}/bench_dashboard.cpp)
    target_link_libraries(bench_dashboard PRIVATE bs_defaults bs_ui bs_testsupport)
endif()
