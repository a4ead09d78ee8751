target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/resultexporter.h
    ${CMAKE_CURRENT_LIST_DIR}/resultexporter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/exportjob.h
    ${CMAKE_CURRENT_LIST_DIR}/exportjob.cpp)
