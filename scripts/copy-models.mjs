console.log("copy-models: not yet")
