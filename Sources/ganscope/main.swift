print("ganscope")
