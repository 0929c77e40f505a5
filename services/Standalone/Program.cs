Ducha.Standalone.StandaloneApp.Create(args).Run();
