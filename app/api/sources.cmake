target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/messagebatch.h
    ${CMAKE_CURRENT_LIST_DIR}/messagebatch.cpp)
