{
  "targets": [
    {
      "target_name": "vartriage_native",
      "sources": ["src/addon.cc", "src/columns.cc", "src/decode.cc", "src/inflate.cc"],
      "cflags_cc": ["-O3", "-std=c++17", "-fno-exceptions"],
      "libraries": ["-ldl"]
    }
  ]
}
